import Yams

extension DeckNode {
  /// Why a YAML library tree could not become a `DeckNode` tree.
  struct TooManyNodes: Error {
    /// Where the budget ran out.
    var mark: Mark
  }

  /// Converts the library's tree, counting nodes against `budget`: an alias is a reference in
  /// the library's tree but a copy here, so a "billion laughs" file must stop at the budget.
  init(_ node: Node, budget: inout Int) throws(TooManyNodes) {
    let mark = node.mark.map { Mark(line: $0.line, column: $0.column) } ?? Mark(line: 1, column: 1)
    budget -= 1
    guard budget >= 0 else { throw TooManyNodes(mark: mark) }
    switch node {
    case .scalar(let scalar):
      self = .scalar(Scalar(string: scalar.string, style: Scalar.Style(scalar.style), mark: mark))
    case .sequence(let sequence):
      var nodes: [DeckNode] = []
      nodes.reserveCapacity(sequence.count)
      for child in sequence { nodes.append(try DeckNode(child, budget: &budget)) }
      self = .sequence(Sequence(nodes: nodes, mark: mark))
    case .mapping(let mapping):
      var pairs: [(key: DeckNode, value: DeckNode)] = []
      pairs.reserveCapacity(mapping.count)
      for (key, value) in mapping {
        pairs.append((try DeckNode(key, budget: &budget), try DeckNode(value, budget: &budget)))
      }
      self = .mapping(Mapping(pairs: pairs, mark: mark))
    case .alias:
      // The composer resolves aliases to the nodes they name; one left unresolved reads as
      // empty text, which the builder then reports where a value was expected.
      self = .scalar(Scalar(string: "", style: .plain, mark: mark))
    }
  }
}

extension DeckNode.Scalar.Style {
  init(_ style: Node.Scalar.Style) {
    switch style {
    case .singleQuoted: self = .singleQuoted
    case .doubleQuoted: self = .doubleQuoted
    case .literal: self = .literal
    case .folded: self = .folded
    case .any, .plain: self = .plain
    }
  }
}
