/**
 * The nianbao language server. Started by the VS Code extension over IPC, or by any LSP
 * client as `nianbao-language-server --stdio`; the transport is taken from the command line.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startSession } from './lsp/session';

const connection = createConnection(ProposedFeatures.all);
startSession(connection);
