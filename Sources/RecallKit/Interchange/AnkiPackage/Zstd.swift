import CZstd

/// zstd compression through the system library, for the collection and media of current Anki
/// packages.
enum Zstd {
  enum Failure: Error, Equatable {
    /// The data is not zstd or is damaged; zstd's own message.
    case damaged(String)
    /// Decompressing would exceed the given number of bytes (a zip bomb, or simply too big).
    case tooLarge(limit: Int)
  }

  /// Whether the bytes start with zstd's frame magic number.
  static func isCompressed(_ bytes: [UInt8]) -> Bool {
    bytes.starts(with: [0x28, 0xB5, 0x2F, 0xFD])
  }

  /// Decompresses a whole stream (one frame or several), stopping with `tooLarge` as soon as
  /// the output would pass `limit` bytes, whatever the frame header claims.
  static func decompress(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
    guard let stream = ZSTD_createDStream() else { throw .damaged("out of memory") }
    defer { ZSTD_freeDStream(stream) }
    ZSTD_initDStream(stream)
    var output: [UInt8] = []
    let chunk = Int(ZSTD_DStreamOutSize())
    var buffer = [UInt8](repeating: 0, count: chunk)
    var lastResult = 0
    var failure: Failure?
    input.withUnsafeBytes { source in
      var inBuffer = ZSTD_inBuffer(src: source.baseAddress, size: source.count, pos: 0)
      while true {
        let (result, produced) = buffer.withUnsafeMutableBytes { target in
          var outBuffer = ZSTD_outBuffer(dst: target.baseAddress, size: target.count, pos: 0)
          let result = ZSTD_decompressStream(stream, &outBuffer, &inBuffer)
          return (result, outBuffer.pos)
        }
        if ZSTD_isError(result) != 0 {
          failure = .damaged(String(cString: ZSTD_getErrorName(result)))
          return
        }
        if output.count + produced > limit {
          failure = .tooLarge(limit: limit)
          return
        }
        output.append(contentsOf: buffer[0..<produced])
        lastResult = result
        // Done when all input is read and zstd holds nothing back in its buffers.
        if inBuffer.pos == inBuffer.size && produced < chunk { break }
      }
    }
    if let failure { throw failure }
    // A nonzero hint after the last input means the final frame was cut short.
    if lastResult != 0 { throw .damaged("the compressed data ends early") }
    return output
  }

  /// One zstd frame of `input`, at a level that is quick to write.
  static func compress(_ input: [UInt8], level: Int32 = 3) -> [UInt8] {
    let bound = ZSTD_compressBound(input.count)
    var output = [UInt8](repeating: 0, count: bound)
    let written = output.withUnsafeMutableBytes { target in
      input.withUnsafeBytes { source in
        ZSTD_compress(target.baseAddress, bound, source.baseAddress, source.count, level)
      }
    }
    // Compressing into a buffer of the bound's size cannot fail.
    guard ZSTD_isError(written) == 0 else { return [] }
    output.removeSubrange(written...)
    return output
  }
}
