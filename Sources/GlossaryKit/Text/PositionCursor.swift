/// Turns offsets in one chunk of a text into lines and columns of the whole text, walking
/// forward from the chunk's first byte, whose position is known.
///
/// The same counting as `SourceText.position(of:)`: a line break starts a new line at column 1,
/// every byte that is not a UTF-8 continuation byte starts a new column.
struct PositionCursor {
    private let base: TextPosition
    private var offset = 0
    private var current: TextPosition

    init(base: TextPosition) {
        self.base = base
        current = base
    }

    /// The position of byte `target` of `bytes`; moves the cursor there.
    ///
    /// - Complexity: O(distance from the previous position) forward, in vector code; going
    ///   back starts again from the chunk's first byte.
    mutating func position(of target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> TextPosition {
        if target < offset {
            offset = 0
            current = base
        }
        ByteSearch.advance(&current, in: bytes, from: offset, to: target)
        offset = target
        return current
    }

    /// The position of byte `target` without moving the cursor.
    func peek(_ target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> TextPosition {
        var copy = self
        return copy.position(of: target, in: bytes)
    }
}
