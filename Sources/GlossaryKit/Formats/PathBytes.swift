/// File names as the system stores them: bytes, which need not be valid UTF-8.
package enum PathBytes {
    /// `bytes` as text, each byte that is not part of valid UTF-8 written `\xHH`, so that a
    /// name can be shown (and told apart from others) whatever it holds.
    ///
    /// - Complexity: O(*n*).
    package static func text(_ bytes: [UInt8]) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        var result = ""
        var index = 0
        while index < bytes.count {
            // The valid sequence starting here, if any (1 to 4 bytes).
            var decoded: String?
            for length in 1...4 where index + length <= bytes.count {
                if let text = String(validating: bytes[index..<(index + length)], as: UTF8.self) {
                    decoded = text
                    index += length
                    break
                }
            }
            if let decoded {
                result += decoded
            } else {
                let hex = String(bytes[index], radix: 16, uppercase: true)
                result += "\\x" + (hex.count == 1 ? "0" + hex : hex)
                index += 1
            }
        }
        return result
    }
}
