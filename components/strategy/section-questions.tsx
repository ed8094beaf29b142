// Questions on one section of the brief, with leadership's answers; the ask form for everyone and
// inline answer forms for leadership.
import type { FormAction } from "@/components/ui/use-form-action";
import type { Section } from "@/lib/validations/strategy";
import { formatDate } from "./format";
import { AnswerForm, AskQuestionForm } from "./question-forms";

export type BriefQuestion = {
  id: string; section: string; body: string; authorName: string; createdAt: Date;
  answer: string | null; answeredByName: string | null; answeredAt: Date | null;
};

export function SectionQuestions({
  section, versionId, questions, canAnswer, askAction, answerAction,
}: {
  section: Section;
  versionId: string;
  questions: BriefQuestion[];
  canAnswer: boolean;
  askAction: FormAction;
  answerAction: FormAction;
}) {
  return (
    <div className={`mt-4 border-t border-slate-100 pt-3 print:border-0 ${questions.length ? "" : "print:hidden"}`}>
      {questions.length ? (
        <>
          <h3 className="text-sm font-semibold text-slate-900">Questions ({questions.length})</h3>
          <ul className="mt-2 space-y-3">
            {questions.map((q) => (
              <li key={q.id} className="rounded-md bg-slate-50 p-3 text-sm print:bg-white">
                <p className="text-slate-900">
                  <span className="font-medium">{q.authorName}</span> <span className="text-slate-600">asked on {formatDate(q.createdAt)}:</span> {q.body}
                </p>
                {q.answer ? (
                  <p className="mt-2 border-l-4 border-indigo-300 pl-3 text-slate-900">
                    <span className="font-medium">{q.answeredByName ?? "Leadership"}</span>{" "}
                    <span className="text-slate-600">answered on {formatDate(q.answeredAt)}:</span> <span className="whitespace-pre-line">{q.answer}</span>
                  </p>
                ) : canAnswer ? (
                  <AnswerForm action={answerAction} questionId={q.id} label={`Your answer to ${q.authorName}`} />
                ) : (
                  <p className="mt-1 text-slate-600">Waiting for leadership&apos;s answer.</p>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <AskQuestionForm action={askAction} versionId={versionId} section={section} />
    </div>
  );
}
