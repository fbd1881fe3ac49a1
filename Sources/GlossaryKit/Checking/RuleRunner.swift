/// Runs a checker's monolingual rules on a text: the rules stage of the pipeline.
///
/// A text held whole is checked by every rule at once; the chunks of a streamed file go to each
/// rule's accumulator (`Rule.accumulator(path:glossary:)`) as they come. Either way the findings
/// take the one path of `FindingCollector`: rules switched off do not run, the others' findings
/// get the user's severities and come out in text order, each superseded one folded into the
/// finding that supersedes it.
struct RuleRunner {
    let rules: [any Rule]
    let collector: FindingCollector

    /// The findings of every enabled rule on `document`, in text order.
    func findings(in document: AnalyzedDocument) -> [Finding] {
        var findings: [Finding] = []
        for rule in rules where collector.runs(rule.id) {
            collector.add(rule.check(document), of: rule.id, to: &findings)
        }
        collector.sortInTextOrder(&findings)
        collector.fold(&findings)
        return findings
    }

    /// A run over the chunks of the file `path`, given in order.
    func streaming(path: String, glossary: Glossary) -> Streaming {
        Streaming(
            accumulators: rules.filter { collector.runs($0.id) }.map { ($0.id, $0.accumulator(path: path, glossary: glossary)) },
            collector: collector)
    }

    /// The rules' accumulators over one streamed file, and the findings they have given so far.
    struct Streaming {
        fileprivate var accumulators: [(id: String, accumulator: any RuleAccumulator)]
        fileprivate let collector: FindingCollector
        private var findings: [Finding] = []

        fileprivate init(accumulators: [(id: String, accumulator: any RuleAccumulator)], collector: FindingCollector) {
            self.accumulators = accumulators
            self.collector = collector
        }

        /// Hands the next chunk to every rule.
        mutating func add(_ chunk: AnalyzedDocument) {
            for index in accumulators.indices {
                collector.add(accumulators[index].accumulator.add(chunk), of: accumulators[index].id, to: &findings)
            }
        }

        /// The findings of the whole file, in text order, once every chunk is added.
        mutating func finish() -> [Finding] {
            for index in accumulators.indices {
                collector.add(accumulators[index].accumulator.finish(), of: accumulators[index].id, to: &findings)
            }
            collector.sortInTextOrder(&findings)
            collector.fold(&findings)
            defer { findings = [] }
            return findings
        }
    }
}
