import { Command, CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { registerAnalyze } from './commands/analyze.js';
import { registerExplain } from './commands/explain.js';
import { registerRedact } from './commands/redact.js';
import { registerRules } from './commands/rules.js';
import { registerValidate } from './commands/validate.js';
import { runCaptureCli } from './capture.js';
import { runCaptureScriptCli } from './capture-script.js';
import { ExitCode, UsageError } from './exit-codes.js';
import type { CliIo, CommandContext } from './io.js';

const name = 'kube-netdoctor';

/** Runs the CLI; returns the exit code. Separate from process handling so tests can drive it. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0) {
    io.stderr(`${name}: missing command; run "${name} --help" for the commands\n`);
    return ExitCode.usage;
  }
  // capture and capture-script parse their own options (src/cli/capture.ts).
  if (argv[0] === 'capture') return runCaptureCli(argv.slice(1), io);
  if (argv[0] === 'capture-script') return runCaptureScriptCli(argv.slice(1), io);
  let exitCode: number = ExitCode.ok;
  const context: CommandContext = { io, setExitCode: (code) => (exitCode = code) };
  const program = buildProgram(context);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its one line already (help and --version exit 0).
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`${name}: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
      return ExitCode.usage;
    }
    throw error;
  }
  return exitCode;
}

function buildProgram(context: CommandContext): Command {
  const { io } = context;
  const program = new Command(name)
    .description('Diagnose Kubernetes cluster networking from a captured snapshot.')
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help (every command has its own: <command> --help)')
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(`${name}: ${text.replace(/^error: /, '')}`),
    })
    .exitOverride()
    .showSuggestionAfterError(true)
    .helpCommand('help [command]', 'show help for a command');
  registerAnalyze(program, context);
  registerRules(program, context);
  registerExplain(program, context);
  registerValidate(program, context);
  registerRedact(program, context);
  // Each command says where its own help is, after its one-line error.
  for (const command of program.commands) {
    command.showHelpAfterError(`(run "${name} ${command.name()} --help" for usage and examples)`);
  }
  program.addHelpText(
    'after',
    '\nCapturing a snapshot:\n  capture <out-dir> [options]      capture a live cluster with your kubectl (capture --help)\n  capture-script linux|windows     print the node script for nodes reached over SSH or RDP\n',
  );
  program.showHelpAfterError(`(run "${name} --help" for the commands)`);
  return program;
}
