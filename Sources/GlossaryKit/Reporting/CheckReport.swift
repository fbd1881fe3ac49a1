/// The findings of one run over one or more files, with what the reporters need to print them.
public struct CheckReport: Sendable {
    /// The findings, in the order they are reported.
    public var findings: [Finding]
    /// Number of files checked.
    public var fileCount: Int
    /// The source texts by path, for quoting lines under findings.
    public var sources: [String: SourceText]
    /// The files checked without reading them whole, by path: lines are quoted from them.
    package var streamed: [String: MappedFile] = [:]
    /// Findings left out by inline suppressions (`glossary-ignore`, `glossary-disable`).
    public var suppressedCount: Int
    /// Findings left out because the baseline lists them.
    public var baselinedCount: Int

    /// A report of `findings` over `fileCount` files; `sources` lets reporters quote lines.
    public init(
        findings: [Finding], fileCount: Int, sources: [String: SourceText] = [:], suppressedCount: Int = 0,
        baselinedCount: Int = 0
    ) {
        self.findings = findings
        self.fileCount = fileCount
        self.sources = sources
        self.suppressedCount = suppressedCount
        self.baselinedCount = baselinedCount
    }

    /// Number of findings per severity.
    public func count(_ severity: Severity) -> Int {
        // Counted, not filtered, and read in place: a copy of each finding would cost a
        // reference count per field.
        var count = 0
        for index in findings.indices where findings[index].severity == severity { count += 1 }
        return count
    }

    /// Whether any finding is at least `level` (the CLI's `--fail-on`).
    public func fails(at level: Severity) -> Bool {
        findings.contains { $0.severity >= level }
    }
}

/// Output formats of `glossary check` and `glossary lint`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Compiler-style lines with the offending line and a caret, and a summary.
    case text
    /// One JSON document with every finding.
    case json
    /// SARIF 2.1.0, for code-scanning services.
    case sarif
    /// GitHub Actions workflow commands (annotations).
    case github
    /// GitLab's code quality report (a JSON array of issues).
    case gitlab
}

/// Turns a report into text for a terminal or a program.
public enum Reporter {
    /// The report in `format`; SARIF describes `rules` (default: the check rules).
    public static func render(_ report: CheckReport, format: ReportFormat, rules: [RuleDocumentation]? = nil) -> String {
        ReportOutput.collecting { write(report, format: format, rules: rules, to: &$0) }
    }

    /// Writes the report in `format` to `sink` in pieces of about a megabyte, so that a report
    /// of hundreds of thousands of findings is never held as one text.
    public static func write(
        _ report: CheckReport, format: ReportFormat, rules: [RuleDocumentation]? = nil, to sink: @escaping (String) -> Void
    ) {
        var output = ReportOutput(sink: sink)
        write(report, format: format, rules: rules, to: &output)
        output.flush()
    }

    static func write(_ report: CheckReport, format: ReportFormat, rules: [RuleDocumentation]?, to output: inout ReportOutput) {
        switch format {
        case .text: TextReporter.write(report, to: &output)
        case .json: JSONReporter.write(report, to: &output)
        case .sarif: SARIFReporter.write(report, rules: rules ?? SARIFReporter.checkRules, to: &output)
        case .github: GitHubReporter.write(report, to: &output)
        case .gitlab: GitLabReporter.write(report, to: &output)
        }
    }
}

/// Report text being written, as UTF-8: kept whole (`text`), or handed to a sink whenever a
/// megabyte has gathered.
///
/// A buffer of its own rather than a `String` or an array: a report appends a few dozen pieces
/// per finding, and a copy into memory it owns is all an append should cost. It cannot be
/// copied, so that one buffer has one owner.
struct ReportOutput: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private let sink: ((String) -> Void)?

    init(sink: ((String) -> Void)? = nil) {
        self.sink = sink
        capacity = 1 << 12
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deallocate()
    }

    /// The whole text that `write` produces, for the `render` functions of the reporters.
    static func collecting(_ write: (inout ReportOutput) -> Void) -> String {
        var output = ReportOutput()
        write(&output)
        return output.text
    }

    /// The text gathered (since the last flush).
    var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    /// Appends `bytes`, which must be UTF-8 (or complete it).
    ///
    /// - Complexity: O(*n*) in their count, amortised.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
        UnsafeMutableRawPointer(base + count).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        count += bytes.count
    }

    /// Appends one byte of UTF-8.
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    /// Appends the UTF-8 of `piece`.
    mutating func append(_ piece: String) {
        var piece = piece
        piece.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends a piece written in the source code: its bytes are at hand, with no string to
    /// inspect.
    mutating func append(literal: StaticString) {
        append(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    static func += (output: inout ReportOutput, piece: String) {
        output.append(piece)
    }

    private mutating func grow(toHold needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Appends JSON `value` as if nested `level` deep, indented by 2.
    mutating func write(_ value: JSONValue, level: Int) {
        var text = ""
        value.write(into: &text, indent: 2, level: level)
        self += text
    }

    /// Hands the text on when a sink is set and it has grown large; call between findings.
    mutating func flushIfLarge() {
        if sink != nil, count >= 1 << 20 { flush() }
    }

    /// Hands all text gathered to the sink, if any.
    mutating func flush() {
        guard let sink, count > 0 else { return }
        sink(text)
        count = 0
    }
}

extension CheckReport {
    /// The text of the line `finding` starts on, when its file is known to the report.
    package func lineText(of finding: Finding) -> String? {
        if let source = sources[finding.location.file] { return source.lineText(finding.location.line) }
        return streamed[finding.location.file]?.lineText(containing: finding.byteRange.lowerBound)
    }

    /// What the text reporter prints under `finding`: a window of its line, cut from the file's
    /// bytes without reading the whole line (`LineExcerpt`); nil when the file is not known.
    func excerpt(of finding: Finding) -> LineExcerpt? {
        let cut: LineExcerpt?
        if let source = sources[finding.location.file] {
            cut = source.bytes.withUnsafeBufferPointer {
                LineExcerpt.cut(from: $0, contentStart: source.contentStart, finding: finding)
            }
        } else if let file = streamed[finding.location.file] {
            cut = LineExcerpt.cut(from: file.bytes, contentStart: file.contentStart, finding: finding)
            // Give back the pages read (and those the kernel read around them).
            let margin = 1 << 17
            file.release(
                max(0, finding.byteRange.lowerBound - margin)..<min(file.bytes.count, finding.byteRange.upperBound + margin))
        } else {
            return nil
        }
        if let cut { return cut }
        // The finding's column does not fit its offset: cut the line the column counts in.
        guard let line = lineText(of: finding) else { return nil }
        let width =
            finding.endLocation.line == finding.location.line
            ? max(1, finding.endLocation.column - finding.location.column)
            : max(1, line.unicodeScalars.count - finding.location.column + 1)
        let (text, column) = TextReporter.excerpt(of: line, around: finding.location.column, width: width)
        return LineExcerpt(text: text, column: column, width: width)
    }

    /// Whether the file `path` was checked (held whole or streamed).
    package func hasChecked(_ path: String) -> Bool {
        sources[path] != nil || streamed[path] != nil
    }
}
