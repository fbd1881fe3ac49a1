import Foundation

/// Where `glossary evaluate` finds its inputs when it is not told.
///
/// The project keeps the labelled corpus in `Evaluation/corpus/`, the labelled mixed documents
/// for paragraph-language detection in `Evaluation/paragraph-languages/`, a small glossary of
/// concepts that only the evaluation needs in `Evaluation/glossary.yml`, and finds real texts in
/// `../shared/data` beside the checkout. All are looked up from the folder that holds the
/// nearest `glossary/` folder.
package struct EvaluationPaths: Sendable, Equatable {
    /// The labelled corpus (a folder of `*.txt` files), if there is one.
    package var corpus: String?
    /// The labelled mixed documents for paragraph-language detection, if there are some.
    package var paragraphLanguages: String? = nil
    /// The glossaries to evaluate against: `glossary/` and `Evaluation/glossary.yml` when present.
    package var glossaries: [String]
    /// The real-text folder, if there is one.
    package var data: String?

    /// The defaults seen from `directory` (the current folder when nil).
    package static func discover(from directory: String? = nil) -> EvaluationPaths {
        guard let glossary = GlossaryLoader.discover(from: directory) else {
            return EvaluationPaths(corpus: nil, glossaries: [], data: nil)
        }
        let root = URL(fileURLWithPath: glossary).deletingLastPathComponent()
        func existing(_ url: URL) -> String? {
            FileManager.default.fileExists(atPath: url.path) ? url.path : nil
        }
        let evaluation = root.appendingPathComponent("Evaluation")
        return EvaluationPaths(
            corpus: existing(evaluation.appendingPathComponent("corpus")),
            paragraphLanguages: existing(evaluation.appendingPathComponent("paragraph-languages")),
            glossaries: [glossary] + [existing(evaluation.appendingPathComponent("glossary.yml"))].compactMap { $0 },
            data: existing(root.deletingLastPathComponent().appendingPathComponent("shared/data")))
    }
}
