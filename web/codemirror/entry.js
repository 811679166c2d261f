// What the workspace page (src/serve/assets/app.js) takes from CodeMirror 6, exposed as
// the global `CM` by ./build. Only these names are bundled; add one here when the page
// needs it and rebuild.
export { EditorState, EditorSelection, Compartment, StateEffect, StateField, Transaction } from "@codemirror/state";
export {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, highlightSpecialChars, Decoration, ViewPlugin,
} from "@codemirror/view";
export {
  history, defaultKeymap, historyKeymap, indentWithTab, undo, redo, undoDepth, redoDepth,
  insertNewlineAndIndent, isolateHistory, indentMore, indentLess,
} from "@codemirror/commands";
export { syntaxHighlighting, defaultHighlightStyle, indentUnit, bracketMatching, indentOnInput, indentService, getIndentUnit } from "@codemirror/language";
export { yaml } from "@codemirror/lang-yaml";
export { linter, setDiagnostics, lintGutter, forEachDiagnostic, diagnosticCount } from "@codemirror/lint";
