extension Worksheet {
  /// Lays selected questions out in sections and makes `versionCount` versions of them.
  ///
  /// Version A prints the questions as selected. Each later version keeps the sections and the
  /// questions but shuffles the questions within each section and the options of each question,
  /// so neighbours holding different versions cannot copy by position.
  public init(
    title: String, deck: Deck, selection: WorksheetSelection, versionCount: Int, seed: UInt64,
    points: WorksheetPoints? = nil
  ) throws(WorksheetError) {
    guard (1...26).contains(versionCount) else { throw .invalidVersions(versionCount) }
    let selector = WorksheetSelector(deck: deck)
    var kinds: [Question.Kind] = []
    for question in selection.questions where !kinds.contains(question.kind) {
      kinds.append(question.kind)
    }
    let base = kinds.map { kind in selection.questions.filter { $0.kind == kind } }

    var versions: [WorksheetVersion] = []
    var earlierOrders: [[[String]]] = []
    for versionIndex in 0..<versionCount {
      var random = SeededGenerator(seed: seed, salt: "worksheet/version/\(versionIndex)")
      var sections: [[Question]] = []
      for (sectionIndex, questions) in base.enumerated() {
        guard versionIndex > 0 else {
          sections.append(questions)
          continue
        }
        let earlier = Set(earlierOrders.map { $0[sectionIndex] })
        var order = random.shuffled(questions)
        // Try a few times for an order no earlier version used; one question cannot move.
        for _ in 0..<8 where earlier.contains(order.map(\.id)) {
          order = random.shuffled(questions)
        }
        sections.append(order.map { Self.shuffledOptions($0, using: &random) })
      }
      earlierOrders.append(sections.map { $0.map(\.id) })

      var number = 0
      let laidOut = zip(kinds, sections).map { kind, questions in
        WorksheetSection(
          kind: kind,
          items: questions.map { question in
            number += 1
            return WorksheetItem(
              number: number, question: question, note: selector.note(for: question))
          })
      }
      versions.append(WorksheetVersion(letter: Self.letter(versionIndex), sections: laidOut))
    }
    self.init(
      title: title, deckTitle: deck.title, deckID: deck.id, language: deck.language, seed: seed,
      points: points, versions: versions)
  }

  /// "A" for 0, "B" for 1…
  public static func letter(_ index: Int) -> String {
    String(UnicodeScalar(UInt8(65 + index % 26)))
  }

  private static func shuffledOptions(_ question: Question, using random: inout SeededGenerator)
    -> Question
  {
    guard question.hasShuffleableOptions else { return question }
    let identity = Array(question.options.indices)
    var optionOrder = random.permutation(of: question.options.count)
    for _ in 0..<8 where optionOrder == identity && identity.count > 1 {
      optionOrder = random.permutation(of: question.options.count)
    }
    let itemOrder = random.permutation(of: question.matchItems.count)
    return question.rearranged(optionOrder: optionOrder, itemOrder: itemOrder)
  }
}
