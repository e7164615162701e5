import Foundation
import RecallKit

/// A fresh, empty progress folder per test.
func makeProgressFolder() throws -> String {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("recall-progress-\(UUID().uuidString)").path
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  return folder
}

/// A fixed moment, so files and assertions do not depend on the clock.
let progressEpoch = Date(timeIntervalSince1970: 1_740_822_600)  // 2025-03-01T09:50:00Z

/// A review of `card` at `minute` minutes after `progressEpoch`, with a plausible state.
func sampleReview(
  _ card: String, minute: Int = 0, rating: Rating = .good, answer: String = "10 July 1998"
) -> ReviewRecord {
  let at = progressEpoch.addingTimeInterval(Double(minute) * 60)
  return ReviewRecord(
    cardID: card, reviewedAt: at, rating: rating, answer: answer, accepted: rating != .again,
    responseMilliseconds: 4200 + minute,
    state: CardState(
      phase: .review, step: nil, stability: 3.1729 + Double(minute), difficulty: 5.28,
      due: at.addingTimeInterval(3 * 86_400), lastReview: at))
}

func fileBytes(_ path: String) -> Data? {
  FileManager.default.contents(atPath: path)
}

func fileText(_ path: String) -> String {
  fileBytes(path).map { String(decoding: $0, as: UTF8.self) } ?? ""
}

func writeFile(_ path: String, _ text: String) throws {
  try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

func appendToFile(_ path: String, _ text: String) throws {
  let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
  try handle.seekToEnd()
  try handle.write(contentsOf: Data(text.utf8))
  try handle.close()
}
