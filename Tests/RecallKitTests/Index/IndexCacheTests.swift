import Foundation
import Testing

@testable import RecallKit

/// The cache folder: where it is, atomic replacement, bounds, and silence when it cannot be used.
@Suite struct IndexCacheTests {
  let folder =
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "recall-index-\(UUID().uuidString)"
    )
    .path
  let key = IndexKey(low: 1, high: 2)

  @Test func theFolderFollowsTheEnvironment() {
    #expect(IndexCache.locate(environment: ["RECALL_CACHE_DIR": "/c"])?.directory == "/c")
    #expect(
      IndexCache.locate(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"])?.directory
        == "/x/recall")
    #expect(
      IndexCache.locate(environment: ["XDG_CACHE_HOME": "rel", "HOME": "/h"])?.directory
        == "/h/.cache/recall")
    #expect(IndexCache.locate(environment: ["HOME": "/h"])?.directory == "/h/.cache/recall")
    #expect(IndexCache.locate(environment: [:]) == nil)
    #expect(IndexCache.locate(environment: ["HOME": "/h", "RECALL_INDEX": "off"]) == nil)
  }

  @Test func fileNamesStayInTheFolder() {
    let cache = IndexCache(directory: "/c")
    for label in ["../../etc/passwd", ".hidden", "a/b", "", "bajgora-offensive"] {
      let path = cache.path(label: label, slot: "s")
      #expect(path.hasPrefix("/c/"))
      let name = String(path.dropFirst(3))
      #expect(!name.contains("/") && !name.hasPrefix("."), "\(name)")
    }
    #expect(cache.path(label: "d", slot: "one") != cache.path(label: "d", slot: "two"))
  }

  @Test func storedIndexesReadBackAndReplaceTheOldOne() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let cache = IndexCache(directory: folder)
    let path = cache.path(label: "deck", slot: "slot")
    #expect(cache.rejection(path, key: key) == .missing)
    #expect(cache.store(path, key: key, sections: [IndexFile.Section(tag: 7, bytes: [1, 2, 3])]))
    #expect(cache.index(at: path, key: key)?.section(7) == [1, 2, 3])
    let newer = IndexKey(low: 1, high: 3)
    #expect(cache.store(path, key: newer, sections: [IndexFile.Section(tag: 7, bytes: [4])]))
    #expect(cache.rejection(path, key: key) == .otherKey)
    #expect(cache.index(at: path, key: newer)?.section(7) == [4])
    // Only the index itself is left: no temporary file.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 1)
  }

  @Test func anUnwritableFolderIsNotAnError() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // A file where the folder should be: nothing can be created under it, even by root.
    try Data("x".utf8).write(to: URL(fileURLWithPath: folder))
    let cache = IndexCache(directory: folder + "/recall")
    let path = cache.path(label: "deck", slot: "slot")
    #expect(!cache.store(path, key: key, sections: []))
    #expect(cache.index(at: path, key: key) == nil)
  }

  @Test func theFolderStaysWithinItsBounds() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var cache = IndexCache(directory: folder)
    cache.maximumFiles = 3
    for number in 0..<6 {
      let path = cache.path(label: "deck\(number)", slot: "\(number)")
      #expect(
        cache.store(path, key: key, sections: [IndexFile.Section(tag: 1, bytes: [UInt8(number)])]))
      // Modification times a second apart, so "oldest" is well defined.
      let date = Date(timeIntervalSince1970: 1_000_000 + Double(number))
      try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(names.count == 3)
    #expect(
      names.allSatisfy { $0.hasPrefix("deck3") || $0.hasPrefix("deck4") || $0.hasPrefix("deck5") })
    cache.maximumFiles = 100
    cache.maximumTotalSize = 1
    let last = cache.path(label: "last", slot: "last")
    #expect(cache.store(last, key: key, sections: []))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder) == [
        (last as NSString).lastPathComponent
      ])
  }

  @Test func twoWritersAtOnceLeaveOneWholeIndex() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let cache = IndexCache(directory: folder)
    let path = cache.path(label: "deck", slot: "slot")
    let keys = (0..<8).map { IndexKey(low: UInt64($0), high: 9) }
    DispatchQueue.concurrentPerform(iterations: 64) { round in
      let number = round % keys.count
      if round % 2 == 0 {
        cache.store(
          path, key: keys[number],
          sections: [
            IndexFile.Section(tag: 1, bytes: [UInt8](repeating: UInt8(number), count: 100_000))
          ])
      } else if let index = cache.index(at: path, key: keys[number]) {
        // Whatever a reader finds is whole and the one written for its key.
        #expect(index.section(1).map { Set($0) } == [UInt8(number)])
      }
    }
    let whole = keys.filter { cache.index(at: path, key: $0) != nil }
    #expect(whole.count == 1)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 1)
  }
}
