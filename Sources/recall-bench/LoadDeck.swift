import Foundation
import RecallKit

/// `recall-bench load-deck FILE...`: reads and checks each deck file as `recall check` does
/// before its authoring check (hashed before and after, then loaded), and prints its fact
/// count; so `hyperfine 'recall-bench load-deck F' 'recall check F'` compares the whole
/// `recall check` process with loading alone, both timed as processes in the same run.
enum LoadDeck {
  static func run(_ paths: [String]) -> Int32 {
    guard !paths.isEmpty else {
      FileHandle.standardError.write(Data("usage: recall-bench load-deck FILE...\n".utf8))
      return 64
    }
    var status: Int32 = 0
    for path in paths {
      do {
        let (result, _) = try DeckSource.reading(path) { try DeckLoader().load(path: path) }
        guard let deck = result.deck else {
          print("\(path): does not load (\(result.diagnostics.count) diagnostics)")
          status = 65
          continue
        }
        print("\(path): \(deck.facts.count) facts, \(deck.cards.count) cards")
      } catch {
        print("\(path): \(error)")
        status = 66
      }
    }
    return status
  }
}
