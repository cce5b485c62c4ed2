// Runs one workflow through one peer interpreter, whole process, and prints the
// execution's output as JSON on stdout. Used by benches/peers.py; the peers are
// installed by benches/peers.sh.
//
//     node benches/peers.js (alsf|statebox) PEERS_DIR ASL_FILE INPUT_FILE
'use strict'
const fs = require('fs')
const path = require('path')

const [peer, dir, aslFile, inputFile] = process.argv.slice(2)
const definition = JSON.parse(fs.readFileSync(aslFile, 'utf8'))
const input = JSON.parse(fs.readFileSync(inputFile, 'utf8'))
const load = (name) => require(path.join(path.resolve(dir), 'node_modules', name))

async function alsf () {
  const { StateMachine } = load('aws-local-stepfunctions')
  const machine = new StateMachine(definition)
  return machine.run(input).result
}

// statebox has no States.MathAdd: its variants (benches/workflows/*.statebox.asl.json)
// call this module in a Task instead.
class Increment {
  run (event, context) {
    context.sendTaskSuccess(Object.assign({}, event, { i: event.i + 1 }))
  }
}

async function statebox () {
  const Statebox = load('@wmfs/statebox')
  const box = new Statebox({ messages: { info () {} } })
  await box.ready
  box.createModuleResources({ increment: Increment })
  await box.createStateMachines({ bench: definition }, {})
  const done = await box.startExecution(input, 'bench', { sendResponse: 'COMPLETE' })
  if (done.status !== 'SUCCEEDED') {
    throw new Error(`statebox execution ended ${done.status}: ${JSON.stringify(done.errorCode || done.errorMessage || '')}`)
  }
  return done.ctx
}

const run = { alsf, statebox }[peer]
if (!run) {
  console.error(`unknown peer ${peer}`)
  process.exit(2)
}
run().then(
  (output) => { process.stdout.write(JSON.stringify(output) + '\n') },
  (err) => { console.error(String(err && err.stack || err)); process.exit(1) })
