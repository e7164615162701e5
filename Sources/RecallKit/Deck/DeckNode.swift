/// A YAML node as the deck builder reads it: a text, a list or a mapping, and where it starts.
///
/// Lighter than the YAML library's node (no tag object per node), so a deck of a hundred
/// thousand facts costs a fraction of the memory, and it can be built by `BlockYAMLReader`
/// without the library, whose marks cannot be made outside it.
enum DeckNode: Sendable {
  case scalar(Scalar)
  case sequence(Sequence)
  case mapping(Mapping)

  /// A line and a column (in Unicode scalars), both from 1, as YAML parsers report them.
  struct Mark: Hashable, Sendable {
    // 32 bits each (decks are limited to 64 MiB): every node carries one.
    private var storedLine: Int32
    private var storedColumn: Int32

    init(line: Int, column: Int) {
      storedLine = Int32(clamping: line)
      storedColumn = Int32(clamping: column)
    }

    var line: Int { Int(storedLine) }
    var column: Int { Int(storedColumn) }
  }

  struct Scalar: Sendable {
    enum Style: Hashable, Sendable {
      case plain, singleQuoted, doubleQuoted, literal, folded
    }

    var string: String
    var style: Style
    var mark: Mark
  }

  struct Sequence: RandomAccessCollection, Sendable {
    var nodes: [DeckNode]
    var mark: Mark

    var startIndex: Int { nodes.startIndex }
    var endIndex: Int { nodes.endIndex }
    subscript(position: Int) -> DeckNode { nodes[position] }
  }

  struct Mapping: Swift.Sequence, Sendable {
    var pairs: [(key: DeckNode, value: DeckNode)]
    var mark: Mark

    func makeIterator() -> IndexingIterator<[(key: DeckNode, value: DeckNode)]> {
      pairs.makeIterator()
    }

    /// The value of the first key that is this text.
    subscript(key: String) -> DeckNode? {
      for pair in pairs {
        if case .scalar(let scalar) = pair.key, scalar.string == key { return pair.value }
      }
      return nil
    }
  }

  var mark: Mark? {
    switch self {
    case .scalar(let scalar): scalar.mark
    case .sequence(let sequence): sequence.mark
    case .mapping(let mapping): mapping.mark
    }
  }
}

extension DeckNode: Equatable {
  /// The same shape, texts, styles and positions.
  static func == (lhs: DeckNode, rhs: DeckNode) -> Bool {
    switch (lhs, rhs) {
    case (.scalar(let left), .scalar(let right)):
      return left.string == right.string && left.style == right.style && left.mark == right.mark
    case (.sequence(let left), .sequence(let right)):
      return left.mark == right.mark && left.nodes == right.nodes
    case (.mapping(let left), .mapping(let right)):
      return left.mark == right.mark && left.pairs.count == right.pairs.count
        && zip(left.pairs, right.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default:
      return false
    }
  }
}
