// Package server is stelp's language server (`stelp serve`): a shell over
// the pipeline (Engine) that adds documents, versions and LSP shapes, never
// analysis logic. It speaks JSON-RPC through go.lsp.dev/jsonrpc2 but does
// its own dispatch, because the stock protocol.ServerHandler serialises
// requests, never cancels numeric ids, panics on unimplemented methods and
// knows no LSP 3.16+ features.
//
// # What a client gets
//
//   - Diagnostics (source "stelp") while typing: incremental sync in UTF-16,
//     one tree-sitter tree per document re-parsed incrementally, debounced,
//     published with the document version and never for a stale version.
//     Code = rule ID, codeDescription.href = DocsURL#sp101,
//     relatedInformation from the finding (e.g. the input() feeding eval),
//     data = {rule, version, index, fix?, safe?}.
//   - Code actions: per finding its fix ("safe" preferred; "unsafe" ones
//     titled "(unsafe: may change behaviour)") and "Suppress SPxxx here",
//     which appends `  # stelp: ignore[SPxxx] TODO: say why this is safe` to
//     the first line of the statement that can carry a comment (or adds the
//     rule to a suppression already there); source.fixAll.stelp applies the
//     safe fixes only, in source order, skipping any that overlap.
//     Edits are versioned (documentChanges), so a client drops stale ones.
//   - Hover on a finding: its rule's rationale, a flagged and a clean
//     example, and the link to the rule catalogue.
//   - Code lenses: "▶ Execute safely" and "Show transpiled code" on the
//     first line; "▶ Execute safely: f" on each top-level function that has
//     docstring examples or no required parameters. Running a function runs
//     the file, then each `>>>` example (or f() alone); each example's value
//     is compared with the output its docstring shows.
//   - Inlay hints (LSP 3.17, types in inlay_hint.go) after stelp.execute of
//     a document: "total = 6 · 3×" at the end of each line that ran, for
//     the executed version only. Clients declaring
//     workspace.inlayHint.refreshSupport are asked to refresh. Runtime
//     violations, limits and exceptions become diagnostics with source
//     "stelp-run" until the next edit.
//   - Config: each document's policy is the .stelp.yaml that applies to its
//     folder; it is reloaded when its files change on disk (mtime check on
//     every analysis, didChangeWatchedFiles, didSave); errors are published
//     as diagnostics on the config file, and the document falls back to the
//     default policy meanwhile.
//
// # workspace/executeCommand
//
// Every command takes one argument object, {"uri": ...} or
// {"text": ..., "path"?: ...} (path: which .stelp.yaml applies; relative to
// the workspace root). Every result has a plain-language "feedback" string
// meant for an LLM repairing the code.
//
//   - stelp.check: {"files": [{"path", "findings": [...]}], "summary", "feedback"}
//     (the `stelp check --format json` shape).
//   - stelp.transpile: {"path", "code", "error"?, "feedback"}.
//   - stelp.execute: the `stelp run --json` object plus "feedback"; extra
//     arguments "stdin", "files" (virtual files) and "function" (run a
//     top-level function, see the code lens), which adds "examples":
//     [{"call", "want", "got", "ran", "ok"}]. With a uri it also shows the
//     run in the editor.
//   - stelp.fixAll: {"path", "text" (fixed), "applied", "remaining", "edit"?,
//     "feedback"}; with a uri the edit is also sent with workspace/applyEdit
//     unless "apply": false.
//
// Runs longer than 200 ms report $/progress (under the request's
// workDoneToken, or one created with window/workDoneProgress/create), and
// can be stopped with $/cancelRequest (numeric or string ids) or
// window/workDoneProgress/cancel. Executions never block edits: every
// request is answered from its own goroutine.
//
// # Notifications and options
//
// stelp/trace {uri, version, status, trace: [{line, count, values}]} goes
// to clients that do not declare textDocument.inlayHint (Neovim 0.7), or
// to any client that sets initializationOptions.traceNotifications.
// initializationOptions (and workspace/didChangeConfiguration, as
// {"settings": {"stelp": {...}}}) also take docsUrl, debounceMs,
// traces (false: no inlay hints and no stelp/trace) and limits in the
// .stelp.yaml spelling ({"time": "5s", "steps": 100000, "memory": "512MB",
// "recursion": 200, "output": "1MB"}), which override the config file's
// for runs started from this editor.
//
// # Robustness
//
// Malformed JSON gets a parse error (with the request id when it can be
// recovered), bad headers and oversized messages are skipped, unknown
// requests get MethodNotFound, unknown notifications are dropped, a panic in
// a handler becomes an InternalError response, documents over
// MaxDocumentBytes are kept but not analysed, and shutdown/exit end the
// session cleanly (Run returns nil, or ErrExitWithoutShutdown).
package server
