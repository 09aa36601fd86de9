import { AppError } from '../../platform/errors.ts';
import type { Answers, Question, SurveyResults } from './livestream.schemas.ts';
import { share } from './livestream.state.ts';

/**
 * The questionnaire as pure functions: normalising what the builder sends, checking one
 * person's answers against it, and counting the results (with a cross-tab). No I/O.
 */
type QuestionInput = {
  id?: string | undefined;
  kind: Question['kind'];
  title: string;
  required: boolean;
  options?: string[] | undefined;
  scale?:
    | { min: number; max: number; minLabel?: string | undefined; maxLabel?: string | undefined }
    | undefined;
};

function questionError(index: number, id: string, reason: string): AppError {
  return new AppError('survey/invalid-question', {
    field: `body.questions.${index}.${id}`,
    params: { question: index + 1, reason },
  });
}

export function normalizeQuestions(inputs: readonly QuestionInput[]): Question[] {
  const ids = new Set<string>();
  return inputs.map((q, index) => {
    const id = q.id ?? `q${index + 1}`;
    if (ids.has(id)) {
      throw questionError(index, 'id', `duplicate id ${id}`);
    }
    ids.add(id);
    const base = { id, kind: q.kind, title: q.title, required: q.required };
    switch (q.kind) {
      case 'single':
      case 'multiple': {
        const options = q.options ?? [];
        if (options.length < 2) {
          throw questionError(index, 'options', 'needs at least two options');
        }
        if (new Set(options).size !== options.length) {
          throw questionError(index, 'options', 'options must differ');
        }
        return { ...base, options };
      }
      case 'rating': {
        const scale = q.scale ?? { min: 1, max: 5 };
        const clean: NonNullable<Question['scale']> = { min: scale.min, max: scale.max };
        if (scale.minLabel) {
          clean.minLabel = scale.minLabel;
        }
        if (scale.maxLabel) {
          clean.maxLabel = scale.maxLabel;
        }
        return { ...base, scale: clean };
      }
      case 'text':
        return base;
      default: {
        const never: never = q.kind;
        throw new Error(`unknown question kind ${String(never)}`);
      }
    }
  });
}

function answerError(index: number, id: string, reason: string): AppError {
  return new AppError('survey/invalid-answer', {
    field: `body.answers.${id}`,
    params: { question: index + 1, reason },
  });
}

/** Checks one person's answers; returns them with unanswered optional questions left out. */
export function checkAnswers(questions: readonly Question[], answers: Answers): Answers {
  const known = new Set(questions.map((q) => q.id));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) {
      throw new AppError('platform/validation', { field: `body.answers.${key}` });
    }
  }
  const clean: Answers = {};
  questions.forEach((q, index) => {
    const value = answers[q.id];
    const empty =
      value === undefined ||
      (typeof value === 'string' && value.trim() === '') ||
      (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (q.required) {
        throw answerError(index, q.id, 'required');
      }
      return;
    }
    switch (q.kind) {
      case 'single':
        if (typeof value !== 'string' || !q.options?.includes(value)) {
          throw answerError(index, q.id, 'not one of the options');
        }
        clean[q.id] = value;
        return;
      case 'multiple': {
        if (!Array.isArray(value) || value.some((v) => !q.options?.includes(v))) {
          throw answerError(index, q.id, 'not among the options');
        }
        clean[q.id] = [...new Set(value)];
        return;
      }
      case 'rating': {
        const scale = q.scale ?? { min: 1, max: 5 };
        if (typeof value !== 'number' || value < scale.min || value > scale.max) {
          throw answerError(index, q.id, `a whole number from ${scale.min} to ${scale.max}`);
        }
        clean[q.id] = value;
        return;
      }
      case 'text': {
        if (typeof value !== 'string' || value.trim().length > 500 || /[<>]/.test(value)) {
          throw answerError(index, q.id, 'plain text up to 500 characters');
        }
        clean[q.id] = value.trim();
        return;
      }
      default: {
        const never: never = q.kind;
        throw new Error(`unknown question kind ${String(never)}`);
      }
    }
  });
  return clean;
}

function choicesOf(q: Question): string[] {
  if (q.kind === 'rating') {
    const scale = q.scale ?? { min: 1, max: 5 };
    return Array.from({ length: scale.max - scale.min + 1 }, (_, i) => String(scale.min + i));
  }
  return q.options ?? [];
}

function countsFor(q: Question, answers: readonly Answers[]) {
  const choices = choicesOf(q);
  const counts = new Map(choices.map((c) => [c, 0]));
  let answered = 0;
  let sum = 0;
  const texts: string[] = [];
  for (const a of answers) {
    const value = a[q.id];
    if (value === undefined) {
      continue;
    }
    answered += 1;
    if (q.kind === 'text') {
      texts.push(String(value));
    } else if (Array.isArray(value)) {
      for (const v of value) {
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
    } else {
      counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
      if (typeof value === 'number') {
        sum += value;
      }
    }
  }
  return {
    answered,
    counts: choices.map((option) => ({
      option,
      count: counts.get(option) ?? 0,
      share: share(counts.get(option) ?? 0, answered),
    })),
    average: q.kind === 'rating' && answered > 0 ? Math.round((sum / answered) * 100) / 100 : null,
    texts: texts.slice(-50).reverse(),
  };
}

/** Counts per option for every question, and optionally a cross-tab by a single-choice question. */
export function tally(
  survey: { id: string; title: string; questions: readonly Question[] },
  answers: readonly Answers[],
  by?: string,
): SurveyResults {
  const questions = survey.questions.map((q) => ({
    id: q.id,
    title: q.title,
    kind: q.kind,
    ...countsFor(q, answers),
  }));
  let crossTab: SurveyResults['crossTab'] = null;
  if (by) {
    const pivot = survey.questions.find((q) => q.id === by);
    if (pivot?.kind !== 'single') {
      throw new AppError('platform/validation', { field: 'query.by' });
    }
    const others = survey.questions.filter((q) => q.id !== by && q.kind !== 'text');
    crossTab = {
      by,
      byTitle: pivot.title,
      groups: (pivot.options ?? []).map((value) => {
        const group = answers.filter((a) => a[by] === value);
        return {
          value,
          responses: group.length,
          questions: others.map((q) => ({ id: q.id, counts: countsFor(q, group).counts })),
        };
      }),
    };
  }
  return { surveyId: survey.id, title: survey.title, responses: answers.length, questions, crossTab };
}
