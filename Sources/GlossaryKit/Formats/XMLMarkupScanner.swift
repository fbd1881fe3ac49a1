/// Finds what the XML parser mishandles anywhere in a document, outside comments and CDATA
/// sections, fed in pieces of any size: a processing instruction with a target and no data
/// (`<?name?>`), and an element with more than `maximumAttributes` attributes.
///
/// libxml2 hands such an instruction to Foundation's `XMLParser` with a null data pointer, and
/// swift-corelibs-foundation takes its length with `strlen`: the process dies (SIGSEGV) on an
/// eight-byte file such as `<?r?>x`. One with data, even only white space (`<?r ?>`), is passed
/// on. And libxml2 compares each attribute of an element with every one before it, to refuse
/// duplicates: an element of 200,000 attributes (2 MB) took nine seconds. Every XML reader
/// refuses the document at the instruction or the element before a parser sees it.
///
/// The scan keeps its state between pieces, so a streamed file is checked as it is read, with
/// the same positions as a document held whole. In well-formed XML, `<?` outside a comment or
/// a CDATA section can only start a processing instruction, `<` and a name only a start tag,
/// and `=` outside quotes in a start tag only an attribute (a `<` may not appear in an
/// attribute value); in a document that is not well-formed, a refusal here comes before the
/// parser's.
///
/// - Complexity: O(*n*) in the bytes fed, one pass, constant state.
struct XMLMarkupScanner {
    /// The message for an instruction without data.
    static let message =
        "a processing instruction without data (<?name?>) is not accepted: the XML parser crashes on it; "
        + "remove it or give it data (<?name data?>)"

    /// The most attributes an element may have. Term bases and translation files give an
    /// element a handful; the limit keeps the parser's duplicate check (quadratic in an
    /// element's attributes) bounded (documented in docs/cross-language.md, "XML input").
    static let maximumAttributes = 1_000

    /// The message for an element with more than `maximumAttributes` attributes.
    static let attributesMessage =
        "an element has more than \(maximumAttributes) attributes; such a file is refused to keep reading bounded"

    /// What follows `<!` to open a CDATA section.
    private static let cdataOpening = Array("[CDATA[".utf8)

    private enum State {
        /// Character data or markup other than the cases below.
        case text
        /// After `<`.
        case afterLess
        /// After `<!` and `matched` more bytes that are a prefix of `--` or `[CDATA[`.
        case afterBang(matched: Int, comment: Bool, cdata: Bool)
        /// In a comment; `dashes` is how many `-` just went by.
        case comment(dashes: Int)
        /// In a CDATA section; `brackets` is how many `]` just went by.
        case cdata(brackets: Int)
        /// In an instruction's target, `length` bytes read; `question` when the last was `?`.
        case target(length: Int, question: Bool)
        /// In an instruction's data; `question` when the last byte was `?`.
        case data(question: Bool)
        /// In a start or end tag, `attributes` read; `quote` is the quote of the attribute
        /// value being read, or 0.
        case tag(attributes: Int, quote: UInt8)
    }

    private var state = State.text
    /// The line and column of the next byte (columns count Unicode scalars).
    private var position = TextPosition(line: 1, column: 1)
    /// Where the `<` of the instruction or tag being read is.
    private var start = TextPosition(line: 1, column: 1)
    /// How many bytes have been fed, and the offset of the last `<` among them.
    private var fed = 0
    private var lessAt = 0
    /// The offset (in the bytes fed) of the root element's `<`: tags are read from there on.
    /// Before it, in the prolog, a `<` may stand inside a DOCTYPE's quoted system literal
    /// (`SYSTEM "a<b'.dtd"`), where reading a tag would take the quotes the wrong way round.
    private let tagsFrom: Int

    /// A scanner of a document whose root element starts `tagsFrom` bytes into what it is fed
    /// (`XMLPrologTokenizer.rootStart`, less a byte order mark); 0 reads tags everywhere.
    init(tagsFrom: Int = 0) {
        self.tagsFrom = tagsFrom
    }

    /// Notes a `<` at `position`, the byte being read: where an instruction or a tag starts.
    @inline(__always)
    private mutating func markLess(at position: TextPosition) {
        start = position
        lessAt = fed
    }

    /// Scans the next piece of the document (after a byte order mark, for the first).
    ///
    /// - Throws: `InputError` at the `<` of the first instruction without data, or of the first
    ///   element with more than `maximumAttributes` attributes.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws(InputError) {
        for byte in bytes {
            let here = position
            defer { fed += 1 }
            if byte == 0x0A {
                position.line += 1
                position.column = 1
            } else if byte & 0xC0 != 0x80 {
                position.column += 1
            }
            switch state {
            case .text:
                if byte == UInt8(ascii: "<") {
                    state = .afterLess
                    markLess(at: here)
                }
            case .afterLess:
                switch byte {
                case UInt8(ascii: "?"): state = .target(length: 0, question: false)
                case UInt8(ascii: "!"): state = .afterBang(matched: 0, comment: true, cdata: true)
                case UInt8(ascii: "<"): markLess(at: here)
                case UInt8(ascii: ">"): state = .text
                default: state = lessAt >= tagsFrom ? .tag(attributes: 0, quote: 0) : .text
                }
            case let .afterBang(matched, comment, cdata):
                let isComment = comment && matched < 2 && byte == UInt8(ascii: "-")
                let isCDATA = cdata && matched < Self.cdataOpening.count && byte == Self.cdataOpening[matched]
                if isComment && matched == 1 {
                    state = .comment(dashes: 0)
                } else if isCDATA && matched == Self.cdataOpening.count - 1 {
                    state = .cdata(brackets: 0)
                } else if isComment || isCDATA {
                    state = .afterBang(matched: matched + 1, comment: isComment, cdata: isCDATA)
                } else {
                    state = byte == UInt8(ascii: "<") ? .afterLess : .text
                    if byte == UInt8(ascii: "<") {
                        markLess(at: here)
                    }
                }
            case let .comment(dashes):
                state =
                    byte == UInt8(ascii: ">") && dashes >= 2
                    ? .text : .comment(dashes: byte == UInt8(ascii: "-") ? dashes + 1 : 0)
            case let .cdata(brackets):
                state =
                    byte == UInt8(ascii: ">") && brackets >= 2
                    ? .text : .cdata(brackets: byte == UInt8(ascii: "]") ? brackets + 1 : 0)
            case let .target(length, question):
                if question {
                    if byte == UInt8(ascii: ">") {
                        guard length == 0 else {
                            throw InputError(
                                Self.message, file: path,
                                location: SourceLocation(file: path, line: start.line, column: start.column))
                        }
                        // `<??>`: no target; the parser reports it.
                        state = .text
                    } else {
                        state = .data(question: byte == UInt8(ascii: "?"))
                    }
                } else if byte == UInt8(ascii: "?") {
                    state = .target(length: length, question: true)
                } else if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    state = .data(question: false)
                } else {
                    state = .target(length: length + 1, question: false)
                }
            case let .data(question):
                state = question && byte == UInt8(ascii: ">") ? .text : .data(question: byte == UInt8(ascii: "?"))
            case let .tag(attributes, quote):
                if quote != 0 {
                    if byte == quote { state = .tag(attributes: attributes, quote: 0) }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    state = .tag(attributes: attributes, quote: byte)
                } else if byte == UInt8(ascii: "=") {
                    guard attributes < Self.maximumAttributes else {
                        throw InputError(
                            Self.attributesMessage, file: path,
                            location: SourceLocation(file: path, line: start.line, column: start.column))
                    }
                    state = .tag(attributes: attributes + 1, quote: 0)
                } else if byte == UInt8(ascii: ">") {
                    state = .text
                } else if byte == UInt8(ascii: "<") {
                    // Not well-formed: the parser reports it; read on from this `<`.
                    state = .afterLess
                    markLess(at: here)
                }
            }
        }
    }
}
