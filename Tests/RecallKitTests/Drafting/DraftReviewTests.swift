import Foundation
import RecallKit
import Testing

/// The review's decisions: edits of one field, merges that keep names as aliases, and the
/// state file a stopped review resumes from.
@Suite struct DraftReviewTests {
  static func person(_ id: String, _ name: String, confidence: Double) -> DraftProposal {
    DraftProposal(
      id: id, kind: .person,
      fields: [.init("name", .text(name)), .init("role", .text("a commander"))], line: 3,
      sentence: "Commander \(name) led them.", confidence: confidence)
  }

  @Test func mergeKeepsTheOtherNameAsAnAlias() throws {
    var review = DraftReview(
      articleText: "x",
      proposals: [
        Self.person("herbert", "Herbert", confidence: 0.6),
        Self.person("godfrey-herbert", "Godfrey Herbert", confidence: 0.8),
      ])
    try review.merge(0, into: "godfrey-herbert")
    #expect(review.proposals[0].status == .dropped)
    #expect(review.proposals[1]["aliases"] == .list(["Herbert"]))
    #expect(throws: DraftReview.EditError.unknownProposal("nobody")) {
      try review.merge(1, into: "nobody")
    }
  }

  @Test func editsCheckTheField() throws {
    var review = DraftReview(
      articleText: "x", proposals: [Self.person("p", "Remi", confidence: 0.7)])
    try review.edit(0, field: "aliases", to: "Commander Remi, Remi the Elder")
    #expect(review.proposals[0]["aliases"] == .list(["Commander Remi", "Remi the Elder"]))
    #expect(throws: DraftReview.EditError.emptyRequired("role")) {
      try review.edit(0, field: "role", to: " ")
    }
    #expect(throws: (any Error).self) { try review.edit(0, field: "date", to: "1998") }
  }

  @Test func aSavedReviewReadsBack() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("draft-review-\(UUID().uuidString).json").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    var review = DraftReview(
      articleText: "text", proposals: [Self.person("p", "Remi", confidence: 0.7)])
    review.proposals[0].status = .accepted
    try review.save(path: path)
    #expect(try DraftReview.load(path: path) == review)
    #expect(review.nextPending() == nil)
  }
}
