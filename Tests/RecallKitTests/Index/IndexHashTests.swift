import Foundation
import RecallTestSupport
import Testing

@testable import RecallKit

/// Recall's XXH64 against the reference `xxhsum -H1`, whose outputs
/// `scripts/index-hash-vectors` wrote to the fixture.
@Suite struct IndexHashTests {
  @Test func matchesTheReferenceImplementation() throws {
    let lines = try Repository.fixtureText("index/xxh64-vectors.tsv").split(separator: "\n")
    #expect(lines.count == 20)
    for line in lines {
      let fields = line.split(separator: "\t")
      let input: [UInt8] =
        fields[0] == "abc" ? Array("abc".utf8) : (0..<Int(fields[0])!).map { UInt8($0 % 251) }
      let expected = UInt64(fields[1], radix: 16)!
      #expect(IndexHash.xxh64(input) == expected, "length \(fields[0])")
    }
  }

  @Test func keysSeparateTheirParts() {
    var first = IndexKey.Builder()
    first.add("a", text: "bc")
    var second = IndexKey.Builder()
    second.add("ab", text: "c")
    var third = IndexKey.Builder()
    third.add("a", text: "b")
    third.add("c", text: "")
    #expect(first.key != second.key)
    #expect(first.key != third.key)
    var again = IndexKey.Builder()
    again.add("a", text: "bc")
    #expect(again.key == first.key)
    #expect(first.key.description.count == 32)
  }
}
