// A thin layer over puppeteer-core, so that one test file drives Chromium (over the
// DevTools protocol) and stock Firefox (over WebDriver BiDi) alike. Pages get the few
// helpers the tests use (fill, textContent, selectOption...).
import puppeteer from "puppeteer-core";

// `text=Label` selects an element by its text, as in the tests' selectors.
const css = (selector) => selector.startsWith("text=") ? `::-p-text(${selector.slice(5)})` : selector;

export async function launch(name, executablePath) {
  const firefox = name === "firefox";
  const browser = await puppeteer.launch({
    browser: firefox ? "firefox" : "chrome",
    executablePath,
    headless: true,
    protocolTimeout: 180000,
    args: firefox ? [] : ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-proxy-server"],
  });
  return {
    close: () => browser.close(),
    async newPage({ viewport }) {
      const page = await browser.newPage();
      await page.setViewport(viewport);
      return wrap(page);
    },
  };
}

function wrap(page) {
  const waitForFunction = (fn, arg, options = {}) =>
    page.waitForFunction(fn, { timeout: 30000, ...options }, arg);
  return {
    on: (event, handler) => page.on(event, handler),
    goto: (url, options = {}) => page.goto(url, { timeout: 30000, ...options }),
    reload: () => page.reload(),
    url: () => page.url(),
    close: () => page.close(),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    screenshot: (options) => page.screenshot(options),
    keyboard: page.keyboard,
    waitForFunction,
    $: (selector) => page.$(css(selector)),
    $$eval: (selector, fn, arg) => page.$$eval(css(selector), fn, arg),
    async click(selector) {
      const handle = await page.waitForSelector(css(selector), { visible: true });
      await handle.click();
    },
    // Replaces an input's or textarea's value, as typing would (input events fire).
    async fill(selector, value) {
      const handle = await page.waitForSelector(css(selector));
      await handle.evaluate((el, v) => {
        el.focus();
        el.value = v;
        el.dispatchEvent(new Event("input", { bubbles: true }));
        el.dispatchEvent(new Event("change", { bubbles: true }));
      }, value);
    },
    async selectOption(selector, value) {
      await page.waitForSelector(css(selector));
      await page.select(css(selector), value);
    },
    async textContent(selector) {
      const handle = await page.waitForSelector(css(selector));
      return handle.evaluate((el) => el.textContent);
    },
    async getAttribute(selector, name) {
      const handle = await page.waitForSelector(css(selector));
      return handle.evaluate((el, n) => el.getAttribute(n), name);
    },
    async isDisabled(selector) {
      const handle = await page.waitForSelector(css(selector));
      return handle.evaluate((el) => el.disabled === true);
    },
    waitForURL: (pattern) => waitForFunction((source) => new RegExp(source).test(location.href), pattern.source),
    setViewportSize: (size) => page.setViewport(size),
  };
}
