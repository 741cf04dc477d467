/**
 * The nianbao language server. Started by the VS Code extension over IPC, or by any LSP
 * client as `nianbao-language-server --stdio`; the transport is taken from the command line.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startSession } from './lsp/session';

const connection = createConnection(ProposedFeatures.all);
startSession(connection);

// a stray rejection or exception is logged; the server stays up for the next keystroke
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
process.on('uncaughtException', (e) => connection.console.error(`uncaught exception: ${e.stack ?? e.message}`));
