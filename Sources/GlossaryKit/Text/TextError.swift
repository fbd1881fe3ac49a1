public import Foundation

/// A problem with an input text: it cannot be read, decoded or tokenized.
public enum TextError: Error, Sendable, Equatable {
    /// The bytes are not UTF-8: the sequence starting at `byteOffset` (from the file's start) on
    /// 1-based `line` is malformed; `byte` is its first byte.
    case invalidUTF8(line: Int, byteOffset: Int, byte: UInt8)
    /// ICU reported an error.
    case icu(code: Int32, operation: String)
    /// The input exceeds what one tokenizer call can address.
    case tooLarge(bytes: Int)
}

extension TextError: CustomStringConvertible {
    /// A sentence for the user.
    public var description: String {
        switch self {
        case let .invalidUTF8(line, offset, byte):
            let hex = String(byte, radix: 16, uppercase: true)
            return
                "invalid UTF-8 at line \(line), byte offset \(offset) (byte 0x\(hex.count == 1 ? "0" + hex : hex)); save the file as UTF-8"
        case let .icu(code, operation):
            return "ICU error \(code) while \(operation)"
        case let .tooLarge(bytes):
            return "text of \(bytes) bytes is too large for one pass"
        }
    }
}

extension TextError: LocalizedError {
    /// The same text as ``description``, for `localizedDescription`.
    public var errorDescription: String? { description }
}
