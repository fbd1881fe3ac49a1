/// Ways into readers that are internal, for the fuzz targets in `Fuzz/` only.
///
/// The fuzz targets feed bytes straight to each reader, with no file in between, and some
/// readers have no public entry point that takes bytes (Markdown masking, the cache decoder, the
/// bilingual readers as `BilingualFormat.read(paths:)` dispatches them). This namespace exposes
/// exactly those, under `@_spi(Fuzzing)`: a client sees them only with
/// `@_spi(Fuzzing) import GlossaryKit`, they are no part of the library's API, and they may
/// change with any release. Each is a thin call of the code the tool runs, never a copy of it,
/// so that what is fuzzed is what ships.
@_spi(Fuzzing)
public enum FuzzingEntryPoints {
    /// `bytes` with the regions that are not prose masked (`MarkdownMasker.mask(_:markdown:)`).
    ///
    /// - Complexity: O(*n*).
    public static func mask(_ bytes: [UInt8], markdown: Bool) -> [UInt8] {
        MarkdownMasker.mask(bytes, markdown: markdown)
    }

    /// The regions `mask(_:markdown:)` hides, sorted (`MarkdownMasker.maskedRanges(_:markdown:)`).
    /// Opaque and transparent regions alike (`MaskedRange.Kind`).
    public static func maskedRanges(_ bytes: [UInt8], markdown: Bool) -> [Range<Int>] {
        MarkdownMasker.maskedRanges(bytes, markdown: markdown).map(\.range)
    }

    /// `bytes` as the text of a glossary or configuration file named `path`, as
    /// `InputFile.readText(_:)` decodes a file's bytes.
    public static func text(_ bytes: [UInt8], path: String) throws(InputError) -> String {
        try InputFile.text(bytes, path: path)
    }

    /// The translation corpora of bilingual files given by name and bytes, read as
    /// `BilingualFormat.read(paths:)` reads the files (the format chosen by each name).
    public static func readBilingual(_ files: [(path: String, bytes: [UInt8])]) throws(InputError) -> [TranslationCorpus] {
        try BilingualFormat.read(paths: files.map(\.path)) { path, format throws(InputError) in
            // Names are unique in what the targets hand in; the first file of a name is used.
            let bytes = files.first { $0.path == path }?.bytes ?? []
            return try BilingualFormat.source(bytes, path: path, isXML: format.isXML)
        }
    }

    /// The compiled glossary in cache entry `bytes` stored under `key` (16 hexadecimal
    /// digits), or nil when the cache would refuse the entry (`GlossaryCache.load(key:)`).
    public static func decodeCacheEntry(_ bytes: [UInt8], key: String) -> CompiledGlossary? {
        var reader = BinaryReader(bytes)
        return try? CacheEntry.read(&reader, key: key)
    }

    /// The cache entry the cache would write for `compiled` under `key`.
    public static func cacheEntry(of compiled: CompiledGlossary, key: String) -> [UInt8] {
        CacheEntry.bytes(of: compiled, key: key)
    }

    /// A cache entry under `key` whose content is `body`, with a valid header and checksum, so
    /// that the decoder behind the checksum sees the mutated bytes.
    public static func cacheEntry(wrapping body: [UInt8], key: String) -> [UInt8] {
        CacheEntry.bytes(wrapping: body, key: key)
    }

    /// The content of the cache entry for `compiled`: what `cacheEntry(wrapping:key:)` wraps.
    public static func cacheEntryContent(of compiled: CompiledGlossary) -> [UInt8] {
        var writer = BinaryWriter()
        compiled.encode(into: &writer)
        return writer.bytes
    }

    /// `source` fixed as `glossary check --fix` fixes it (`Fixer.fix(_:findings:protecting:)`,
    /// protecting the approved terms of `document`, its analysis): the fixed bytes and each edit
    /// as rule, byte range and replacement; nil when nothing is fixed.
    public static func fix(
        _ source: SourceText, findings: [Finding], document: AnalyzedDocument
    ) -> (fixed: [UInt8], edits: [(rule: String, range: Range<Int>, replacement: [UInt8])])? {
        guard let fix = Fixer.fix(source, findings: findings, protecting: Fixer.approvedRanges(in: document)) else { return nil }
        return (fix.fixed, fix.edits.map { ($0.rule, $0.range, $0.replacement) })
    }

    /// Reads `text` as the configuration file `path` (`ConfigurationReader.read(_:path:knownRules:)`)
    /// and puts it to work on `paths`, given relative to its folder, as the tool does: which it
    /// includes, their languages, and the parallel sets it forms of them (each set as its
    /// paths, absolute).
    public static func readConfiguration(
        _ text: String, path: String, knownRules: Set<String>, paths: [String]
    ) throws(InputError) -> [[String]] {
        let configuration = try ConfigurationReader.read(text, path: path, knownRules: knownRules)
        let absolute = paths.map { configuration.root + "/" + $0 }
        for path in absolute {
            _ = configuration.includes(path)
            _ = configuration.language(forPath: path)
        }
        return configuration.parallelDocuments(absolute).map { $0.map(\.path) }
    }

    /// The ids of every built-in rule a configuration may name: the monolingual and the
    /// cross-language ones.
    public static var ruleIDs: Set<String> { Set(Rules.all.map(\.id) + Rules.crossLanguage.map(\.id)) }

    /// A linter, made once: it holds a tokenizer, and the fuzz targets run one input at a time.
    nonisolated(unsafe) private static let linter = Result { () throws(TextError) in try GlossaryLinter() }

    /// The findings `glossary lint` makes of `glossary` as one file.
    public static func lint(_ glossary: Glossary) throws(TextError) -> [Finding] {
        try linter.get().lint([GlossaryLinter.File(path: "fuzz", glossary: glossary)])
    }
}
