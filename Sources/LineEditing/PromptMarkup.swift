/// Prepares a prompt for libedit, which counts every byte it prints as a column unless told
/// otherwise: terminal escape sequences are fenced between two marker characters.
enum PromptMarkup {
  /// The character libedit is told to treat as the fence (EL_PROMPT_ESC).
  static let marker: Character = "\u{1}"

  /// `prompt` with each escape sequence (CSI such as colours, or a two-character escape)
  /// fenced by `marker`, and any stray marker removed.
  static func fenced(_ prompt: String) -> String {
    var result = ""
    var scalars = prompt.unicodeScalars[...]
    while let scalar = scalars.popFirst() {
      if scalar == "\u{1}" { continue }
      guard scalar == "\u{1B}" else {
        result.unicodeScalars.append(scalar)
        continue
      }
      var sequence = String.UnicodeScalarView([scalar])
      if let next = scalars.popFirst() {
        sequence.append(next)
        if next == "[" {
          // Parameters and intermediates, then one final byte in 0x40...0x7E.
          while let byte = scalars.popFirst() {
            sequence.append(byte)
            if (0x40...0x7E).contains(byte.value) { break }
          }
        }
      }
      result.append(marker)
      result.unicodeScalars.append(contentsOf: sequence)
      result.append(marker)
    }
    return result
  }
}
