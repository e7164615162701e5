import Foundation
import RecallKit
import RecallSynthetic

/// `recall-bench make-collection --cards N --reviews M --out DIR [--seed S]`.
enum MakeCollection {
  static let usage =
    "usage: recall-bench make-collection --cards N --reviews M --out DIR [--seed S] [--id ID]"

  static func run(_ arguments: [String]) -> Int32 {
    var values: [String: String] = [:]
    var index = 0
    while index < arguments.count {
      let key = arguments[index]
      guard ["--cards", "--reviews", "--out", "--seed", "--id"].contains(key),
        index + 1 < arguments.count
      else {
        FileHandle.standardError.write(Data("recall-bench: unexpected '\(key)'\n\(usage)\n".utf8))
        return 64
      }
      values[key] = arguments[index + 1]
      index += 2
    }
    guard let out = values["--out"], let cards = Int(values["--cards"] ?? "100000"),
      let reviews = Int(values["--reviews"] ?? "1000000"),
      let seed = UInt64(values["--seed"] ?? "1"),
      cards > 0, reviews >= 0
    else {
      FileHandle.standardError.write(Data("\(usage)\n".utf8))
      return 64
    }
    let collection = SyntheticCollection(
      deckID: values["--id"] ?? "synthetic", facts: cards, reviews: reviews, seed: seed)
    do {
      try collection.write(to: out)
    } catch {
      FileHandle.standardError.write(Data("recall-bench: cannot write \(out): \(error)\n".utf8))
      return 73
    }
    print(
      "wrote \(out)/Decks/\(collection.deckID).yaml (\(cards) facts) and "
        + "\(out)/Progress/\(collection.deckID).* (\(reviews) reviews)")
    return 0
  }
}
