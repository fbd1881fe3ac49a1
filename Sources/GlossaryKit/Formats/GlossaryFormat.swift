public import Foundation

/// The file formats a glossary can be read from and written to.
public enum GlossaryFormat: String, Sendable, CaseIterable {
    /// The project's YAML format (`.yml`, `.yaml`).
    case yaml
    /// TBX, ISO 30042 (`.tbx`).
    case tbx
    /// A comma-separated spreadsheet (`.csv`).
    case csv
    /// A tab-separated spreadsheet (`.tsv`).
    case tsv

    /// The file name endings of this format, the usual one first.
    public var fileExtensions: [String] {
        switch self {
        case .yaml: ["yml", "yaml"]
        case .tbx: ["tbx", "xml"]
        case .csv: ["csv"]
        case .tsv: ["tsv", "tab"]
        }
    }

    /// The format's name as people write it: `YAML`, `TBX`, `CSV`, `TSV`.
    public var displayName: String { rawValue.uppercased() }

    /// The format a file name's extension names (one of its `fileExtensions`), or `nil`.
    public init?(path: String) {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard let format = Self.allCases.first(where: { $0.fileExtensions.contains(ext) }) else { return nil }
        self = format
    }

    /// Reads a TBX, CSV or TSV glossary file.
    ///
    /// YAML is read by `YAMLGlossaryReader`; `GlossaryLoader` dispatches on the format.
    public static func read(_ path: String, csvOptions: CSVGlossaryReader.Options = .init()) throws(InputError) -> Glossary {
        guard let format = GlossaryFormat(path: path) else {
            throw InputError(
                location: SourceLocation(file: path, line: 1, column: 1),
                message: "unknown glossary format; use " + English.list(allCases.flatMap(\.fileExtensions).map { "." + $0 }, "or")
            )
        }
        switch format {
        case .tbx: return try TBXReader.read(contentsOf: path)
        case .csv, .tsv: return try CSVGlossaryReader(options: csvOptions).read(contentsOf: path)
        case .yaml: return try GlossaryConverter.readYAML(path)
        }
    }

    /// The text of `glossary` in this format, with what the format could not hold.
    public func render(_ glossary: Glossary, csvLayout: CSVLayout = .long) -> (text: String, omissions: [String]) {
        switch self {
        case .yaml: (YAMLGlossaryWriter.string(from: glossary), [])
        case .tbx: (TBXWriter.string(from: glossary), TBXValueChanges.omissions(in: glossary))
        case .csv:
            {
                let output = CSVGlossaryWriter.write(glossary, layout: csvLayout, separator: ",");
                return (output.text, output.omissions)
            }()
        case .tsv:
            {
                let output = CSVGlossaryWriter.write(glossary, layout: csvLayout, separator: "\t");
                return (output.text, output.omissions)
            }()
        }
    }

    /// Writes `glossary` to `path` in this format; returns what the format could not hold.
    @discardableResult
    public func write(_ glossary: Glossary, to path: String, csvLayout: CSVLayout = .long) throws -> [String] {
        let (text, omissions) = render(glossary, csvLayout: csvLayout)
        // Never over a device, a pipe or a folder (`AtomicFile` refuses them), which an
        // atomic write through `Data` would replace with a regular file.
        try AtomicFile.write(Array(text.utf8), to: path)
        return omissions
    }
}

/// Converts a glossary file from one format to another: the logic behind `glossary convert`.
public enum GlossaryConverter {
    /// What a conversion did.
    public struct Report: Sendable {
        /// The number of concepts converted.
        public var concepts: Int
        /// The number of terms converted.
        public var terms: Int
        /// Data the target format could not hold.
        public var omissions: [String]
        /// Problems noticed while reading (TBX dialect violations, interpreted values).
        public var diagnostics: [FormatDiagnostic]
    }

    /// A conversion that cannot start.
    public enum Failure: Error, Sendable, CustomStringConvertible, LocalizedError {
        /// The format of the file at this path is not known from its extension.
        case unknownFormat(String)
        /// The output file exists and overwriting was not asked for.
        case outputExists(String)
        /// The input could not be read.
        case read(InputError)
        /// The output could not be written.
        case write(path: String, reason: String)

        /// A sentence for the user, naming the file.
        public var description: String {
            switch self {
            case let .unknownFormat(path):
                "\(path): cannot tell the format from the extension; pass --to \(GlossaryFormat.allCases.map(\.rawValue).joined(separator: "|"))"
            case let .outputExists(path): "\(path) exists; pass --force to overwrite it"
            case let .read(error): error.description
            case let .write(path, reason): "\(path): cannot write: \(reason)"
            }
        }

        /// The same text as ``description``, for `localizedDescription`.
        public var errorDescription: String? { description }
    }

    /// Reads `input` (a file, or a folder of glossary files merged), writes it to `output` in
    /// `format` (or the one the extension names).
    public static func convert(
        input: String, output: String, to format: GlossaryFormat? = nil, csvLayout: CSVLayout = .long,
        csvOptions: CSVGlossaryReader.Options = .init(), overwrite: Bool = false
    ) throws(Failure) -> Report {
        guard let target = format ?? GlossaryFormat(path: output) else { throw .unknownFormat(output) }
        var isDirectory: ObjCBool = false
        let inputIsFolder = FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) && isDirectory.boolValue
        guard let source = inputIsFolder ? .yaml : GlossaryFormat(path: input) else { throw .unknownFormat(input) }
        if !overwrite, FileManager.default.fileExists(atPath: output) { throw .outputExists(output) }
        var diagnostics: [FormatDiagnostic] = []
        let glossary: Glossary
        do {
            switch source {
            case _ where inputIsFolder:
                glossary = try GlossaryLoader.load(paths: [input], warnings: &diagnostics)
            case .tbx:
                let loaded = try TBXReader.load(contentsOf: input)
                glossary = loaded.glossary
                diagnostics = loaded.diagnostics
            default:
                glossary = try GlossaryFormat.read(input, csvOptions: csvOptions)
            }
            // As `GlossaryLoader.load` refuses them (a folder went through it): a concept id
            // defined twice would be written to a file no reader takes back.
            var seen: [String: SourceLocation?] = [:]
            if !inputIsFolder { try GlossaryLoader.requireUniqueIDs(glossary, file: input, seen: &seen) }
        } catch {
            throw .read(error)
        }
        let omissions: [String]
        do {
            omissions = try target.write(glossary, to: output, csvLayout: csvLayout)
        } catch let error as InputError {
            throw .write(path: output, reason: error.message)
        } catch {
            throw .write(path: output, reason: error.localizedDescription)
        }
        return Report(
            concepts: glossary.concepts.count,
            terms: glossary.concepts.reduce(0) { $0 + $1.terms.count },
            omissions: omissions,
            diagnostics: diagnostics
        )
    }

    /// Reads a YAML glossary file.
    static func readYAML(_ path: String) throws(InputError) -> Glossary {
        try YAMLGlossaryReader.read(contentsOf: path)
    }
}
