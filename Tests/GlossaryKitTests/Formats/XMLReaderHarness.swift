import Foundation
import TestScratch

@testable import GlossaryKit

/// Runs the same XML bytes through every XML reader, so a hostile-input test covers each way a
/// parser can be reached: a TBX file (streamed), a TBX document in memory, an XLIFF and a TMX file.
enum XMLReaderHarness: String, CaseIterable, CustomStringConvertible {
    case tbxFile = "TBX file"
    case tbxData = "TBX data"
    case xliff = "XLIFF"
    case tmx = "TMX"

    var description: String { rawValue }

    /// The document around `body` (the text of the one term or segment), after `prolog`.
    func document(prolog: String = "<?xml version=\"1.0\"?>\n", body: String) -> String {
        switch self {
        case .tbxFile, .tbxData:
            prolog
                + "<martif type=\"TBX\" xml:lang=\"en\"><text><body><termEntry id=\"t1\"><langSet xml:lang=\"en\"><tig><term>\(body)</term></tig></langSet></termEntry></body></text></martif>\n"
        case .xliff:
            prolog
                + "<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"id\"><body><trans-unit id=\"1\"><source>\(body)</source></trans-unit></body></file></xliff>\n"
        case .tmx:
            prolog
                + "<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>\(body)</seg></tuv></tu></body></tmx>\n"
        }
    }

    /// Reads `bytes` as this kind of input: the text of the first term or segment, or the error.
    func read(_ bytes: [UInt8]) -> Result<String, InputError> {
        do throws(InputError) {
            switch self {
            case .tbxFile:
                let path = write(bytes, extension: "tbx")
                return .success(Self.firstTerm(try TBXReader.load(contentsOf: path).glossary))
            case .tbxData:
                return .success(Self.firstTerm(try TBXReader.load(data: Data(bytes), path: "memory.tbx").glossary))
            case .xliff, .tmx:
                let path = write(bytes, extension: self == .xliff ? "xlf" : "tmx")
                guard let corpus = try BilingualFormat.read(paths: [path]).first, let set = corpus.sets.first else {
                    return .success("")
                }
                return .success(corpus.texts[0].string(of: corpus[set.members[0]]))
            }
        } catch {
            return .failure(error)
        }
    }

    /// Reads `text` as UTF-8.
    func read(_ text: String) -> Result<String, InputError> { read(Array(text.utf8)) }

    private static func firstTerm(_ glossary: Glossary) -> String {
        glossary.concepts.first?.terms.first?.text ?? ""
    }

    private func write(_ bytes: [UInt8], extension ext: String) -> String {
        let url = TestScratch.url("xml").appendingPathExtension(ext)
        FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        return url.path
    }
}

extension Result where Failure == InputError {
    /// The error, or nil after a success.
    var error: InputError? {
        if case let .failure(error) = self { return error }
        return nil
    }
}
