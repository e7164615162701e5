import CLibEdit

/// Reads lines from a terminal with libedit: emacs keys, UTF-8 editing, history on the arrow
/// keys, Tab completion, and Ctrl-C that discards the line instead of ending the process.
///
/// Only one should exist at a time: the terminal, the locale and the SIGINT action are
/// process-wide. This is the only file that calls the shim's `recall_sigint_*` functions (their
/// flag is static state in a header; see shim.h).
public final class EditLineReader: LineReader {
  private let editor: OpaquePointer
  private let history: OpaquePointer?
  private let completions: LineCompletion.Provider?
  /// The prompt libedit asks for through its callback; owned here, replaced on every read.
  private var promptText: UnsafeMutablePointer<CChar>?
  private var isClosed = false
  /// The SIGINT action before this reader, restored on close.
  private var previousInterruptAction = sigaction()

  /// Opens the editor on stdin/stdout, or returns nil when libedit cannot start.
  /// - Parameters:
  ///   - completions: candidates for Tab; nil leaves Tab inserting nothing.
  ///   - historySize: how many lines Up can go back through.
  public init?(
    programName: String = "recall", completions: LineCompletion.Provider? = nil,
    historySize: Int = 500
  ) {
    // Before el_init: libedit decides at start-up whether input is multibyte.
    _ = recall_setlocale_utf8()
    guard let editor = recall_el_init(programName) else { return nil }
    self.editor = editor
    self.history = recall_history_init(Int32(clamping: historySize))
    self.completions = completions

    recall_el_set_client_data(editor, Unmanaged.passUnretained(self).toOpaque())
    recall_el_set_editor(editor, "emacs")
    recall_el_set_signal(editor, 1)
    setPrompt("")
    recall_el_set_prompt(
      editor,
      { editor in
        guard let editor, let reader = EditLineReader.owner(of: editor) else { return nil }
        return reader.promptText
      }, CChar(truncatingIfNeeded: PromptMarkup.marker.asciiValue ?? 1))
    if let history { recall_el_set_history(editor, history) }
    recall_el_add_function(
      editor, "recall-complete", "Complete the REPL command before the cursor",
      { editor, _ in
        guard let editor, let reader = EditLineReader.owner(of: editor) else {
          return UInt8(CC_ERROR)
        }
        return reader.complete()
      })
    recall_el_source_defaults(editor)
    // After ~/.editrc, so Tab completes commands even if the user's file rebinds it.
    recall_el_bind(editor, "^I", "recall-complete")
    recall_sigint_install(&previousInterruptAction)
  }

  deinit { close() }

  /// Gives the terminal back (el_end restores its settings) and the default Ctrl-C action.
  public func close() {
    guard !isClosed else { return }
    isClosed = true
    el_end(editor)
    if let history { recall_history_end(history) }
    recall_sigint_restore(&previousInterruptAction)
    promptText?.deallocate()
    promptText = nil
  }

  public func readLine(prompt: String) -> LineInput {
    guard !isClosed else { return .endOfInput }
    setPrompt(prompt)
    // A Ctrl-C pressed while no line was being read is not meant for this one.
    _ = recall_sigint_take()
    recall_el_prepare_terminal(editor)
    var count: Int32 = 0
    // el_gets gives the terminal back its normal mode before returning, whatever happened.
    guard let bytes = el_gets(editor, &count) else {
      let interrupted = recall_sigint_take() != 0 || (count < 0 && recall_errno() == EINTR)
      if interrupted {
        // The half-typed line stays on screen; mark it abandoned and start a fresh line.
        recall_el_write(editor, "^C\n")
        return .interrupted
      }
      // Ctrl-D leaves the cursor after the prompt; later output belongs on its own line.
      recall_el_write(editor, "\n")
      return .endOfInput
    }
    var line = String(cString: bytes).utf8[...]
    while let last = line.last, last == 0x0A || last == 0x0D { line = line.dropLast() }
    return .line(String(decoding: line, as: UTF8.self))
  }

  public func addHistory(_ line: String) {
    guard let history, !isClosed, line.contains(where: { !$0.isWhitespace }) else { return }
    recall_history_enter(history, line)
  }

  private func setPrompt(_ prompt: String) {
    let fenced = PromptMarkup.fenced(prompt)
    let bytes = Array(fenced.utf8CString)
    let storage = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
    storage.initialize(from: bytes, count: bytes.count)
    promptText?.deallocate()
    promptText = storage
  }

  /// Runs inside el_gets when Tab is pressed; returns a libedit CC_* code.
  private func complete() -> UInt8 {
    guard let completions else { return UInt8(CC_ERROR) }
    let typed = textBeforeCursor()
    switch CompletionPlan.resolve(typed: typed, candidates: completions(typed)) {
    case .none:
      return UInt8(CC_ERROR)
    case .replace(let deleting, let text):
      if deleting > 0 { el_deletestr(editor, Int32(clamping: deleting)) }
      guard text.isEmpty || el_insertstr(editor, text) == 0 else { return UInt8(CC_ERROR) }
      return UInt8(CC_REFRESH)
    case .list(let candidates):
      // Below the line being edited; CC_REDISPLAY then draws the prompt and line again.
      recall_el_write(editor, "\n" + CompletionPlan.listing(candidates) + "\n")
      return UInt8(CC_REDISPLAY)
    }
  }

  private func textBeforeCursor() -> String {
    let length = recall_el_cursor_offset(editor)
    guard length > 0, let info = el_line(editor), let start = info.pointee.buffer else {
      return ""
    }
    let bytes = UnsafeRawBufferPointer(start: start, count: length)
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func owner(of editor: OpaquePointer) -> EditLineReader? {
    guard let context = recall_el_client_data(editor) else { return nil }
    return Unmanaged<EditLineReader>.fromOpaque(context).takeUnretainedValue()
  }
}
