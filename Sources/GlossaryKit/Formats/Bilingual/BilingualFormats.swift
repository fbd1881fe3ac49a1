import Foundation

/// The bilingual and multilingual file formats, chosen by file name.
public enum BilingualFormat: String, Sendable, CaseIterable {
    /// XLIFF (`.xlf`, `.xliff`).
    case xliff = "XLIFF"
    /// A gettext catalog (`.po`, `.pot`).
    case po = "PO"
    /// A translation memory (`.tmx`).
    case tmx = "TMX"
    /// An Xcode string catalog (`.xcstrings`).
    case stringCatalog = "String Catalog"
    /// A set of i18n JSON files, one per language (`en.json`, `locales/id.json`).
    case i18nJSON = "i18n JSON"

    /// The format of `path` by its extension: `.xlf`/`.xliff`, `.po`/`.pot`, `.tmx`,
    /// `.xcstrings`, `.json`; nil for any other file (read as plain text or Markdown).
    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "xlf", "xliff": self = .xliff
        case "po", "pot": self = .po
        case "tmx": self = .tmx
        case "xcstrings": self = .stringCatalog
        case "json": self = .i18nJSON
        default: return nil
        }
    }

    /// Reads `paths` as translation corpora: one per file, except i18n JSON files, which are
    /// read together (matched by key) as one corpus per folder.
    ///
    /// - Throws: `InputError` for an unreadable file, invalid UTF-8 or a malformed file (with
    ///   line and column).
    public static func read(paths: [String]) throws(InputError) -> [TranslationCorpus] {
        try read(paths: paths) { path, format throws(InputError) in try readSource(path, isXML: format.isXML) }
    }

    /// Reads `paths` as `read(paths:)` does, with each file's text from `text(path, format)`
    /// (the fuzz targets hand in bytes that are in no file).
    static func read(
        paths: [String], text: (String, BilingualFormat) throws(InputError) -> SourceText
    ) throws(InputError) -> [TranslationCorpus] {
        var corpora: [TranslationCorpus] = []
        var json: [String: [SourceText]] = [:]
        var jsonFolders: [String] = []
        for path in paths {
            guard let format = BilingualFormat(path: path) else {
                throw InputError("not a bilingual file (expected .xlf, .xliff, .po, .tmx, .xcstrings or .json)", file: path)
            }
            let source = try text(path, format)
            switch format {
            case .xliff: corpora.append(try XLIFFReader.read(source))
            case .po: corpora.append(try POReader.read(source))
            case .tmx: corpora.append(try TMXReader.read(source))
            case .stringCatalog: corpora.append(try StringCatalogReader.read(source))
            case .i18nJSON:
                let folder = (path as NSString).deletingLastPathComponent
                let key =
                    I18nJSONReader.language(ofPath: (folder as NSString).lastPathComponent) != nil
                    ? (folder as NSString).deletingLastPathComponent : folder
                if json[key] == nil { jsonFolders.append(key) }
                json[key, default: []].append(source)
            }
        }
        for folder in jsonFolders { corpora.append(try I18nJSONReader.read(json[folder]!)) }
        return corpora
    }

    /// Whether the format is XML (its text may be refused as UTF-16 or UTF-32 by name).
    var isXML: Bool { self == .xliff || self == .tmx }

    /// Reads a file as UTF-8 text, with the line and column of invalid bytes; an XML file in
    /// UTF-16 or UTF-32 is named as such (`XMLInputCheck`).
    static func readSource(_ path: String, isXML: Bool = false) throws(InputError) -> SourceText {
        try source(InputFile.readBytes(path), path: path, isXML: isXML)
    }

    /// `bytes`, read from `path`, as UTF-8 text: what `readSource(_:isXML:)` makes of a file's
    /// bytes.
    static func source(_ bytes: [UInt8], path: String, isXML: Bool) throws(InputError) -> SourceText {
        if isXML { try XMLInputCheck.checkSignature(bytes, path: path) }
        do {
            return try SourceText(path: path, bytes: bytes)
        } catch {
            guard case let .invalidUTF8(_, offset, byte) = error else { throw InputError(error.description, file: path) }
            let contentStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var position = TextPosition(line: 1, column: 1)
            bytes.withUnsafeBufferPointer { ByteSearch.advance(&position, in: $0, from: contentStart, to: offset) }
            throw XMLInputCheck.invalidUTF8(at: offset, byte: byte, position: position, path: path)
        }
    }
}
