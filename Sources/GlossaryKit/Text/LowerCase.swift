extension String {
    /// `lowercased()`, byte by byte when the text is all ASCII.
    ///
    /// Unicode's lower-case mapping of ASCII is `A`–`Z` to `a`–`z` and nothing else, so for
    /// ASCII text this is exactly `lowercased()`, without its walk through Unicode's case
    /// tables; other text takes `lowercased()` itself. Rules and fingerprints lower-case the
    /// text of every finding.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    func lowercasedFast() -> String {
        let converted: String?? = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var hasUpper = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
            }
            guard hasUpper else { return self }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for index in 0..<bytes.count {
                    let byte = bytes[index]
                    buffer[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                return bytes.count
            }
        }
        return (converted ?? nil) ?? lowercased()
    }
}
