const fs = require("fs");
const os = require("os");
const path = require("path");

class GatewayTimeout extends Error {
  constructor(message) {
    super(message);
    this.name = "GatewayTimeout";
  }
}

// The sandbox gateway hiccups on the first charge of each order (a marker file in the
// function's /tmp remembers it), so the state machine's Retry is what succeeds.
exports.handler = async (event) => {
  const marker = path.join(os.tmpdir(), `charge-${event.orderId}`);
  if (!fs.existsSync(marker)) {
    fs.writeFileSync(marker, "tried");
    throw new GatewayTimeout(`${process.env.GATEWAY} gateway did not answer for ${event.orderId}`);
  }
  console.log(`charging ${event.total} for ${event.orderId}`);
  return { chargeId: `ch-${event.orderId}`, amount: event.total, gateway: process.env.GATEWAY };
};
