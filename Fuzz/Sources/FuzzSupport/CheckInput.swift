import GlossaryKit

/// An input of the check targets: its first byte says how to check the rest.
///
/// Bit 0 of the first byte: Markdown (`fuzz.md`) or plain text (`fuzz.txt`); bits 1-2: the
/// language given (none, so detected per paragraph; `id`; `en`; `su`); bits 3-4: the chunk size
/// (48, 300, 4096 bytes or the default), so that chunk boundaries fall everywhere.
public struct CheckInput {
    public let path: String
    public let bytes: [UInt8]
    public let options: CheckOptions

    public init?(_ input: [UInt8]) {
        guard let mode = input.first else { return nil }
        bytes = Array(input.dropFirst())
        path = mode & 1 == 1 ? "fuzz.md" : "fuzz.txt"
        let languages: [LanguageTag?] = [nil, LanguageTag("id"), LanguageTag("en"), LanguageTag("su")]
        let chunkSizes = [48, 300, 4096, 1 << 20]
        options = CheckOptions(language: languages[Int(mode >> 1) & 3], chunkSize: chunkSizes[Int(mode >> 3) & 3])
    }
}

extension TextError {
    /// An invalid-UTF-8 error points at a byte of the input, on the line it names.
    public func expectInside(_ positions: TextPositions, what: String) {
        guard case let .invalidUTF8(line, offset, _) = self else {
            Invariant.fail("\(what): a text that is UTF-8 failed: \(self)")
        }
        Invariant.require(
            offset >= 0 && offset < positions.bytes.count, "\(what): bad byte at \(offset) of \(positions.bytes.count)")
        Invariant.require(positions.position(of: offset).line == line, "\(what): bad byte at \(offset) is not on line \(line)")
    }
}
