import Foundation
import RecallTestSupport
import Testing

/// The README and the user guide link to each other by file and heading; a renamed page or
/// heading would otherwise leave a dead link that nobody notices.
@Suite struct DocumentationTests {
  static let guide = Repository.url("Documentation")

  static func pages() throws -> [URL] {
    let names = try FileManager.default.contentsOfDirectory(atPath: guide.path)
    return [Repository.url("README.md")]
      + names.filter { $0.hasSuffix(".md") }.sorted().map { guide.appendingPathComponent($0) }
  }

  /// GitHub's heading anchors: lowercase, punctuation dropped, spaces made hyphens, and a
  /// repeated heading numbered from 1.
  static func anchors(in text: String) -> Set<String> {
    var seen: [String: Int] = [:]
    var anchors: Set<String> = []
    var inFence = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") { inFence.toggle() }
      guard !inFence, line.hasPrefix("#") else { continue }
      let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
      let slug = String(
        title.lowercased().unicodeScalars.compactMap { scalar -> Character? in
          if scalar == " " { return "-" }
          if scalar == "-" || scalar == "_" { return Character(scalar) }
          return CharacterSet.alphanumerics.contains(scalar) ? Character(scalar) : nil
        })
      let count = seen[slug, default: 0]
      seen[slug] = count + 1
      anchors.insert(count == 0 ? slug : "\(slug)-\(count)")
    }
    return anchors
  }

  /// Relative links, `[text](target)`, outside code blocks and code spans.
  static func links(in text: String) -> [String] {
    var links: [String] = []
    var inFence = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") { inFence.toggle() }
      if inFence { continue }
      var rest = Substring(line)
      while let open = rest.range(of: "](") {
        let after = rest[open.upperBound...]
        guard let close = after.firstIndex(of: ")") else { break }
        links.append(String(after[..<close]))
        rest = after[close...]
      }
    }
    return links.filter { !$0.contains("://") && !$0.hasPrefix("mailto:") }
  }

  @Test func everyLinkReachesAPageAndHeading() throws {
    for page in try Self.pages() {
      let text = try String(contentsOf: page, encoding: .utf8)
      for link in Self.links(in: text) {
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let file = String(parts[0])
        let target =
          file.isEmpty
          ? page : page.deletingLastPathComponent().appendingPathComponent(file).standardized
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder)
        #expect(exists, "\(page.lastPathComponent) links to \(link), which does not exist")
        guard exists, parts.count == 2, !isFolder.boolValue else { continue }
        let anchors = Self.anchors(in: try String(contentsOf: target, encoding: .utf8))
        #expect(
          anchors.contains(String(parts[1])),
          "\(page.lastPathComponent) links to \(link); \(target.lastPathComponent) has no such heading"
        )
      }
    }
  }

  /// The README is the front page; the guide is where a topic's details go.
  @Test func readmeStaysShort() throws {
    let readme = try String(
      contentsOf: Repository.url("README.md"), encoding: .utf8)
    #expect(readme.split(separator: "\n", omittingEmptySubsequences: false).count <= 200)
  }
}
