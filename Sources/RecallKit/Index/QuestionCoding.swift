/// A deck's generated questions as bytes, for the deck index (`StudyIndex`): every stored field
/// of `Question`, in order. Like the deck, they are kept only when they read back equal.
enum QuestionCoding {
  static func write(_ questions: [Question], to writer: inout IndexByteWriter) {
    writer.append(UInt32(questions.count))
    for question in questions {
      writer.append(question.id)
      writer.append(question.kind.rawValue)
      writer.append(question.prompt)
      writer.append(question.options)
      writer.append(question.matchItems)
      write(question.expected, to: &writer)
      writer.append(question.fact)
      writer.append(question.explanation)
      writer.append(question.template.rawValue)
    }
  }

  static func read(_ reader: inout IndexByteReader) throws -> [Question] {
    try reader.array(minimumSize: 32) { reader in
      Question(
        id: try reader.string(), kind: try reader.raw(Question.Kind.self),
        prompt: try reader.string(), options: try reader.strings(),
        matchItems: try reader.strings(), expected: try readExpected(&reader),
        fact: try reader.string(), explanation: try reader.string(),
        template: try reader.raw(QuestionTemplate.self))
    }
  }

  private static func write(_ expected: ExpectedAnswer, to writer: inout IndexByteWriter) {
    switch expected {
    case .text(let answers):
      writer.append(byte: 0)
      writer.append(answers)
    case .date(let date):
      writer.append(byte: 1)
      DeckCoding.write(date, to: &writer)
    case .number(let number):
      writer.append(byte: 2)
      DeckCoding.write(number, to: &writer)
    case .choice(let index):
      writer.append(byte: 3)
      writer.append(int: index)
    case .truth(let value):
      writer.append(byte: 4)
      writer.append(value)
    case .order(let indices):
      writer.append(byte: 5)
      writeIndices(indices, to: &writer)
    case .match(let indices):
      writer.append(byte: 6)
      writeIndices(indices, to: &writer)
    }
  }

  private static func writeIndices(_ indices: [Int], to writer: inout IndexByteWriter) {
    writer.append(UInt32(indices.count))
    for index in indices { writer.append(int: index) }
  }

  private static func readExpected(_ reader: inout IndexByteReader) throws -> ExpectedAnswer {
    switch try reader.byte() {
    case 0: return .text(try reader.strings())
    case 1: return .date(try DeckCoding.readDate(&reader))
    case 2: return .number(try DeckCoding.readNumber(&reader))
    case 3: return .choice(try reader.int())
    case 4: return .truth(try reader.bool())
    case 5: return .order(try reader.array(minimumSize: 8) { try $0.int() })
    case 6: return .match(try reader.array(minimumSize: 8) { try $0.int() })
    default: throw IndexByteReader.OutOfBounds()
    }
  }
}
