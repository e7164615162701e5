extension Question {
  /// The question with its options (and match items) shown in another order, and its expected
  /// answer remapped to the new positions so the key still grades what is printed.
  ///
  /// `optionOrder[newPosition]` is the option's old position; likewise `itemOrder` for the
  /// left-hand column of a match. Both must be permutations of their column's indices.
  public func rearranged(optionOrder: [Int], itemOrder: [Int]? = nil) -> Question {
    precondition(optionOrder.sorted() == Array(options.indices), "not a permutation of options")
    let itemOrder = itemOrder ?? Array(matchItems.indices)
    precondition(itemOrder.sorted() == Array(matchItems.indices), "not a permutation of items")
    var newPosition = [Int](repeating: 0, count: options.count)
    for (new, old) in optionOrder.enumerated() { newPosition[old] = new }
    func moved(_ old: Int) -> Int { newPosition.indices.contains(old) ? newPosition[old] : old }

    var copy = self
    copy.options = optionOrder.map { options[$0] }
    copy.matchItems = itemOrder.map { matchItems[$0] }
    switch expected {
    case .choice(let index):
      copy.expected = .choice(moved(index))
    case .order(let sequence):
      copy.expected = .order(sequence.map(moved))
    case .match(let targets):
      copy.expected = .match(
        itemOrder.map { old in targets.indices.contains(old) ? moved(targets[old]) : -1 })
    case .text, .date, .number, .truth:
      break
    }
    return copy
  }

  /// Whether a version may shuffle this question's options: true/false and typed answers have
  /// nothing to shuffle.
  var hasShuffleableOptions: Bool {
    switch kind {
    case .choice, .order, .match: options.count > 1 || matchItems.count > 1
    case .short, .truefalse, .cloze, .numeric: false
    }
  }
}
