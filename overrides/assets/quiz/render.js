// Renders a result dict (quizzes' Result.to_dict()) with DOM APIs only: quiz text is
// always set as text, never parsed as HTML.

const SVG = "http://www.w3.org/2000/svg";

function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

function svgElement(tag, attributes = {}, text = "") {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text) node.textContent = text;
  return node;
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));
}

function renderSafety(safety, strings) {
  const box = element("div", { class: "quiz__safety", role: "note" });
  box.append(element("p", { class: "quiz__safety-message" }, safety.message));
  const list = element("ul", { class: "quiz__resources" });
  for (const resource of safety.resources) {
    const entry = element("li");
    entry.append(element("strong", {}, resource.name));
    const contacts = element("span", { class: "quiz__contacts" });
    for (const contact of resource.contacts) {
      contacts.append(element("a", { href: contact.href }, contact.label));
    }
    entry.append(contacts, element("span", { class: "quiz__resource-note" }, resource.note));
    list.append(entry);
  }
  box.append(list, element("p", { class: "quiz__browsing-note" }, safety.browsing_note));
  box.setAttribute("aria-label", strings.safetyLabel);
  return box;
}

// Scale marks at min, cut and max on both axes (1, 4 and 7 on a 1–7 scale), each with its value.
function axisMarks(plot, toX, toY, { size, pad }) {
  const marks = [];
  for (const value of [plot.min, plot.cut, plot.max]) {
    const x = toX(value);
    const y = toY(value);
    marks.push(
      svgElement("line", { class: "quiz__plot-tick", x1: x, x2: x, y1: size - pad, y2: size - pad + 5 }),
      svgElement("text", { class: "quiz__plot-mark", x, y: size - pad + 17, "text-anchor": "middle" }, value),
      svgElement("line", { class: "quiz__plot-tick", x1: pad - 5, x2: pad, y1: y, y2: y }),
      svgElement("text", { class: "quiz__plot-mark", x: pad - 8, y: y + 4, "text-anchor": "end" }, value),
    );
  }
  return marks;
}

// Anxiety (y) against avoidance (x), the four quadrants split at the cut, and the reader's point.
function renderPlot(plot, strings) {
  const size = 320;
  const pad = 40;
  const span = plot.max - plot.min;
  const toX = (value) => pad + ((value - plot.min) / span) * (size - 2 * pad);
  const toY = (value) => size - pad - ((value - plot.min) / span) * (size - 2 * pad);
  const description = fill(strings.plotDescription, {
    x_label: plot.x_label, y_label: plot.y_label, x: plot.x, y: plot.y,
    min: plot.min, max: plot.max, cut: plot.cut,
  });
  const figure = element("figure", { class: "quiz__plot" });
  const titleId = `${plot.x_label}-${plot.y_label}-plot-title`.toLowerCase().replace(/\W+/g, "-");
  const svg = svgElement("svg", { viewBox: `0 0 ${size} ${size}`, role: "img", "aria-labelledby": titleId });
  svg.append(svgElement("title", { id: titleId }, description));
  svg.append(svgElement("rect", { class: "quiz__plot-area", x: pad, y: pad, width: size - 2 * pad, height: size - 2 * pad }));
  svg.append(svgElement("line", { class: "quiz__plot-cut", x1: toX(plot.cut), x2: toX(plot.cut), y1: pad, y2: size - pad }));
  svg.append(svgElement("line", { class: "quiz__plot-cut", x1: pad, x2: size - pad, y1: toY(plot.cut), y2: toY(plot.cut) }));
  for (const quadrant of plot.quadrants) {
    const x = quadrant.x === "high" ? (toX(plot.cut) + size - pad) / 2 : (pad + toX(plot.cut)) / 2;
    const y = quadrant.y === "high" ? (pad + toY(plot.cut)) / 2 : (toY(plot.cut) + size - pad) / 2;
    svg.append(svgElement("text", { class: "quiz__plot-quadrant", x, y, "text-anchor": "middle" }, quadrant.label));
  }
  svg.append(...axisMarks(plot, toX, toY, { size, pad }));
  svg.append(svgElement("text", { class: "quiz__plot-axis", x: size / 2, y: size - 8, "text-anchor": "middle" }, plot.x_label));
  svg.append(svgElement("text", {
    class: "quiz__plot-axis", x: 12, y: size / 2, "text-anchor": "middle",
    transform: `rotate(-90 12 ${size / 2})`,
  }, plot.y_label));
  svg.append(svgElement("circle", { class: "quiz__plot-point", cx: toX(plot.x), cy: toY(plot.y), r: 7 }));
  figure.append(svg, element("figcaption", {}, description));
  return figure;
}

// A link into the guide from a result; `base` is the site's root.
function guideLink(link, base) {
  const anchor = element("a", { href: new URL(link.href, base).href }, link.text);
  // Inside another website's frame, the guide opens in its own tab.
  if (window.self !== window.top) Object.assign(anchor, { target: "_blank", rel: "noopener" });
  return anchor;
}

// `label` names each item in the list: "Item {number}: {text}", "Question {number}: {text}".
function renderMissing(missing, rootId, label) {
  const list = element("ul", { class: "quiz__missing" });
  for (const item of missing) {
    const entry = element("li");
    const link = element("a", { href: `#${rootId}-${item.id}` }, fill(label, item));
    // Take the reader straight to the question's first option, ready to answer.
    link.addEventListener("click", (event) => {
      const question = document.getElementById(`${rootId}-${item.id}`);
      if (!question) return;
      event.preventDefault();
      event.stopPropagation(); // Material's instant navigation would move focus to the page
      question.scrollIntoView({ block: "center" });
      question.querySelector("input")?.focus({ preventScroll: true });
    });
    entry.append(link);
    list.append(entry);
  }
  return list;
}

// A line that starts with a label in bold: "Your answer: …", "The guide's best answer: …".
function labelled(className, label, text) {
  const line = element("p", { class: className });
  line.append(element("strong", {}, label), ` ${text}`);
  return line;
}

// A knowledge check's answers, question by question, each numbered as in the form: whether the
// chosen option is the guide's best answer and why, the best answer and why when another was
// chosen, and the section of the guide to read. Unanswered questions are left to the list of
// missing ones, which moves to them: they are not counted wrong, nor given away.
function renderQuestions(questions, { strings, base }) {
  const list = element("ol", { class: "quiz__answers" });
  for (const question of questions.filter((entry) => entry.answered)) {
    const entry = element("li", { class: "quiz__answer", value: String(question.number), "data-question": question.id });
    entry.append(
      element("p", { class: "quiz__answer-question" }, question.text),
      labelled("quiz__answer-chosen", strings.yourAnswer, question.chosen.text),
      element("p", { class: question.best_chosen ? "quiz__verdict quiz__verdict--best" : "quiz__verdict" },
        question.best_chosen ? strings.matchesBest : strings.otherThanBest),
      element("p", { class: "quiz__feedback" }, question.chosen.feedback),
    );
    if (!question.best_chosen) {
      entry.append(labelled("quiz__answer-best", strings.bestAnswer, question.best.text),
        element("p", { class: "quiz__feedback" }, question.best.feedback));
    }
    const more = element("p", { class: "quiz__answer-link" }, `${strings.guideLink} `);
    more.append(guideLink(question.link, base));
    entry.append(more);
    list.append(entry);
  }
  return list;
}

// What a printed result carries besides itself (hidden on screen): which quiz, the date (set
// when printed) and its disclaimer (a self-check's "not a diagnosis"), since the page around it
// does not print.
function renderPrintHeading(title, disclaimer) {
  const heading = element("div", { class: "quiz__print-only" });
  heading.append(
    element("p", { class: "quiz__print-title" }, title),
    element("p", { class: "quiz__print-date", "data-print-date": "" }),
    element("p", { class: "quiz__print-disclaimer" }, disclaimer),
  );
  return heading;
}

/** Replace the contents of `region` with the rendered result. `base` resolves guide links;
    `title` and `disclaimer` are the quiz's (a self-check's or a knowledge check's), for the
    printed copy. */
export function renderResult(region, result, { strings, base, rootId, title, disclaimer }) {
  // A safety-first result offers no printout, for the reason its answers are never stored:
  // whoever finds the paper could read it (the help page prints on its own).
  // Nor does a result that is not one yet (answers still missing).
  const printable = !result.safety && result.complete;
  const parts = [];
  if (printable) parts.push(renderPrintHeading(title, disclaimer));
  parts.push(element("h3", { class: "quiz__headline" }, result.headline));
  if (result.safety) parts.push(renderSafety(result.safety, strings));
  for (const paragraph of result.paragraphs) parts.push(element("p", {}, paragraph));
  // A knowledge check's result lists its questions (every other kind's, none). Its unanswered
  // questions are named even when others were answered: each can still be answered.
  const questions = result.questions;
  if (result.missing.length && (!result.complete || questions.length)) {
    parts.push(renderMissing(result.missing, rootId, questions.length ? strings.missingQuestion : strings.missingItem));
  }
  if (questions.some((question) => question.answered)) {
    parts.push(element("h4", { class: "quiz__answers-title" }, strings.questionsTitle),
      renderQuestions(questions, { strings, base }));
  }
  if (result.plot) parts.push(renderPlot(result.plot, strings));
  if (result.links.length) {
    parts.push(element("p", { class: "quiz__links-title" }, result.safety ? strings.helpLinksTitle : strings.linksTitle));
    const list = element("ul", { class: "quiz__links" });
    for (const link of result.links) {
      const entry = element("li");
      entry.append(guideLink(link, base));
      list.append(entry);
    }
    parts.push(list);
  }
  // The quiz's note is not repeated here: the form shows it under the result, with or without
  // JavaScript.
  if (printable) {
    parts.push(element("button", { type: "button", class: "md-button quiz__print", "data-action": "print" },
      strings.printResult));
  }
  region.replaceChildren(...parts);
}
