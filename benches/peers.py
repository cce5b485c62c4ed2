#!/usr/bin/env python3
"""sfn side by side with the peer ASL interpreters on the workflows in benches/workflows.

The peers (aws-local-stepfunctions and @wmfs/statebox, from npm) are installed by
`sh benches/peers.sh` into target/peers. For each workflow, in one sitting: a warm-up of
each, then --runs rounds that run sfn, aws-local-stepfunctions and statebox one after the
other (alternating, so a busy moment hits all three alike), each a whole process: sfn as
benches/engine.py runs it (a fresh store per workflow, `start-execution` runs the
execution to its end and stores its history), a peer as `node benches/peers.js`.
Prints the medians, sfn's speed-up over the fastest peer (counted even when its output
is wrong), and the peak RSS of one more run of each (through GNU time). Every peer's
output is checked against sfn's: a wrong output is reported in the table, never hidden.

statebox runs the variants benches/workflows/WN.statebox.asl.json where it lacks what
the workflow uses (a JS task instead of States.MathAdd, `Iterator` instead of
`ItemProcessor`).

    python3 benches/peers.py --sfn target/release/sfn [--runs 5] [--only W1]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from engine import measure  # noqa: E402

BENCHES = Path(__file__).resolve().parent
HERE = BENCHES / "workflows"
PEERS = [("alsf", "aws-local-stepfunctions"), ("statebox", "@wmfs/statebox")]


def sfn_runner(sfn, name, tmp):
    """Creates the state machine in a fresh store; returns a function running one execution
    that gives (seconds, peak MB, output) and raises on failure."""
    env = dict(os.environ, SFN_DB=str(Path(tmp) / "bench.db"))
    created = subprocess.run(
        [sfn, "create-state-machine", "--name", name,
         "--definition", f"file://{HERE / (name + '.asl.json')}",
         "--role-arn", "arn:aws:iam::123456789012:role/bench"],
        env=env, capture_output=True, text=True)
    if created.returncode != 0:
        raise RuntimeError(f"create-state-machine failed: {created.stderr.strip()}")
    arn = json.loads(created.stdout)["stateMachineArn"]
    count = [0]

    def run(rss=False):
        count[0] += 1
        code, out, err, secs, peak = measure(
            [sfn, "start-execution", "--state-machine-arn", arn, "--name", f"run{count[0]}",
             "--input", f"file://{HERE / (name + '.input.json')}"], env, rss=rss)
        if code != 0:
            raise RuntimeError(f"start-execution failed: {err.decode().strip()}")
        described = json.loads(subprocess.run(
            [sfn, "describe-execution", "--execution-arn", json.loads(out)["executionArn"]],
            env=env, capture_output=True, text=True).stdout)
        if described["status"] != "SUCCEEDED":
            raise RuntimeError(f"execution ended {described['status']}")
        return secs, peak, json.loads(described["output"])
    return run


def peer_runner(peer, peers_dir, name):
    asl = HERE / f"{name}.{peer}.asl.json"
    if not asl.exists():
        asl = HERE / f"{name}.asl.json"
    cmd = ["node", str(BENCHES / "peers.js"), peer, str(peers_dir), str(asl),
           str(HERE / f"{name}.input.json")]

    def run(rss=False):
        code, out, err, secs, peak = measure(cmd, dict(os.environ), rss=rss)
        if code != 0:
            raise RuntimeError(err.decode().strip().splitlines()[-1] if err.strip() else f"exit {code}")
        return secs, peak, json.loads(out)
    return run


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sfn", required=True)
    ap.add_argument("--peers", default=str(BENCHES.parent / "target" / "peers"),
                    help="where benches/peers.sh installed the peers")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", default=None)
    args = ap.parse_args()
    if not (Path(args.peers) / "node_modules").is_dir():
        sys.exit(f"no peers in {args.peers}: run `sh benches/peers.sh` first")
    manifest = json.loads((HERE / "manifest.json").read_text())
    sfn = str(Path(args.sfn).resolve())
    tools = ["sfn"] + [p for p, _ in PEERS]
    print(f"medians of {args.runs} runs after a warm-up, whole process; RSS is the peak of one more run")
    print(f"{'workflow':<8} {'sfn':>9} {'alsf':>9} {'statebox':>9} {'fastest/sfn':>11}"
          f" {'sfn RSS':>8} {'alsf RSS':>9} {'sb RSS':>8}  notes")
    failed = False
    for name in manifest:
        if args.only and args.only not in name:
            continue
        notes = []
        with tempfile.TemporaryDirectory() as tmp:
            runners = {"sfn": sfn_runner(sfn, name, tmp)}
            for peer, _ in PEERS:
                runners[peer] = peer_runner(peer, args.peers, name)
            times = {t: [] for t in tools}
            peaks, outputs, broken = {}, {}, {}
            for i in range(args.runs + 2):
                last = i == args.runs + 1
                for tool in tools:
                    if tool in broken:
                        continue
                    try:
                        secs, peak, output = runners[tool](rss=last)
                    except RuntimeError as e:
                        broken[tool] = str(e)
                        continue
                    outputs[tool] = output
                    if last:
                        peaks[tool] = peak
                    elif i > 0:
                        times[tool].append(secs)
        if "sfn" in broken:
            print(f"{name}: sfn failed: {broken['sfn']}")
            failed = True
            continue
        med = {t: statistics.median(times[t]) for t in tools if times[t]}
        for peer, label in PEERS:
            if peer in broken:
                notes.append(f"{label} failed: {broken[peer]}")
            elif outputs[peer] != outputs["sfn"]:
                notes.append(f"{label}'s output is WRONG (its time still counts)")
        # The aim is stated against the fastest peer, so a peer with a wrong output still
        # counts: that is the stricter reading.
        ran = [med[p] for p, _ in PEERS if p in med]
        ratio = f"{min(ran) / med['sfn']:>10.1f}x" if ran else f"{'-':>11}"

        def ms(t):
            return f"{med[t] * 1000:>7.1f}ms" if t in med else f"{'-':>9}"

        def mb(t, w):
            return f"{peaks[t]:>{w - 2}.1f}MB" if t in peaks else f"{'-':>{w}}"
        print(f"{name:<8} {ms('sfn')} {ms('alsf')} {ms('statebox')} {ratio}"
              f" {mb('sfn', 8)} {mb('alsf', 9)} {mb('statebox', 8)}  {'; '.join(notes)}", flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
