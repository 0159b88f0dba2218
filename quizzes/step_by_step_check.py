"""Knowledge check for the step-by-step guide: what each step asks of the partners.

One question for each of Steps 1 to 6, each linking its step. The best answers and the feedback
quote or closely follow the guide's own sentences. It asks about the guide, never about the
reader's relationship: those questions belong to the self-checks. Scoring lives in
`quizzes.core.choice`.
"""

from __future__ import annotations

from quizzes.core import guide
from quizzes.core.choice import ChoiceQuiz, Option, Question

QUESTIONS = (
    Question("acknowledge", 1, "In Step 1, what does the guide ask of the partner who broke trust?", (
        Option("accountable", "To take accountability without minimizing, defending, or shifting blame.",
               "Yes. Phrases such as \u201cI take full responsibility\u201d help, and accountability "
               "builds the first small layer of safety.",
               best=True),
        Option("explain", "To explain why it happened, so the hurt seems smaller.",
               "Making the hurt seem smaller is minimizing. The guide asks for accountability "
               "\u201cwithout minimizing, defending, or shifting blame.\u201d"),
        Option("move-on", "To move on quickly, so the hurt does not grow.",
               "Step 1 asks to acknowledge the hurt fully and honestly, for example \u201cI understand "
               "why you\u2019re hurt.\u201d Repairing trust is not a quick conversation: it is a process."),
    ), guide.STEPS[1]),
    Question("conversations", 2, "Step 2 asks for honest conversations. What kind?", (
        Option("interrogate", "Questioning the partner who broke trust until every detail is out.",
               "Asking clarifying questions is part of it, but the guide says \u201cnot interrogation, "
               "but sharing from a place of vulnerability.\u201d"),
        Option("avoid", "Avoiding the subject, so old pain is not stirred up.",
               "The guide asks for open dialogue, such as sharing fears and naming what each partner "
               "needs. It also warns that suppressed emotions eventually resurface."),
        Option("vulnerable", "Open dialogue from a place of vulnerability, not interrogation.",
               "Yes: sharing fears, asking clarifying questions, and naming what each partner needs "
               "moving forward. \u201cHonesty is the foundation, but empathy is the glue.\u201d",
               best=True),
    ), guide.STEPS[2]),
    Question("actions", 3, "According to Step 3, what rebuilds trust best?", (
        Option("apology", "A heartfelt apology and a promise that it will not happen again.",
               "Apologies matter, but trust is not restored through apologies alone: it grows through "
               "repeated, reliable behavior."),
        Option("small", "Small, predictable actions, repeated over time.",
               "Yes: following through on commitments, showing up on time, checking in regularly. "
               "Small predictable actions rebuild trust far more effectively than dramatic gestures.",
               best=True),
        Option("gesture", "One big gesture, such as a surprise trip.",
               "The guide says small predictable actions rebuild trust \u201cfar more effectively than "
               "dramatic gestures.\u201d"),
    ), guide.STEPS[3]),
    Question("boundaries", 4, "How does Step 4 describe new boundaries?", (
        Option("punish", "As a fair way for the hurt partner to punish the other.",
               "The guide says the opposite: \u201cBoundaries are not punishments \u2014 they are "
               "agreements that help the relationship feel safe again.\u201d"),
        Option("agreements", "As agreements that help the relationship feel safe again.",
               "Yes. They might include clear expectations around communication, or technology "
               "transparency when needed and mutually agreed upon.",
               best=True),
        Option("rules", "As rules one partner sets for the other.",
               "The guide speaks of agreements that both partners make: technology transparency, for "
               "example, is \u201cmutually agreed upon.\u201d Boundaries are not punishments."),
    ), guide.STEPS[4]),
    Question("regulation", 5, "In Step 5, how can one partner help when the other feels flooded or "
             "overwhelmed?", (
                 Option("press-on", "By keeping the conversation going until it is settled.",
                        "The guide suggests taking breaks during difficult conversations. Calming the "
                        "nervous system helps prevent conflict from escalating."),
                 Option("co-regulation", "By offering co-regulation: a soft tone, gentle eye contact, "
                        "or simply staying present.",
                        "Yes. When one partner becomes dysregulated, the other can offer co-regulation. "
                        "\u201cTogether, you rebuild emotional safety.\u201d",
                        best=True),
                 Option("alone", "By leaving them to calm down alone.",
                        "Taking a break can help, but Step 5 is about emotional regulation as a team: "
                        "the other partner can offer a soft tone, gentle eye contact, or simply stay "
                        "present."),
             ), guide.STEPS[5]),
    Question("repair", 6, "Why does Step 6 suggest gentle quality time, shared hobbies and small "
             "rituals?", (
                 Option("replace", "So the couple no longer needs difficult conversations.",
                        "These moments add to the difficult conversations; they do not replace them. "
                        "Trust is restored \u201cnot only through difficult conversations but through "
                        "positive shared experiences.\u201d"),
                 Option("normal", "To show that everything is back to normal.",
                        "Step 6 is not about pretending. The guide warns against pretending everything "
                        "is fine to avoid conflict; these moments help the brain relearn that "
                        "connection is safe."),
                 Option("relearn", "These moments help the brain relearn that connection is safe.",
                        "Yes. Positive shared experiences, such as morning coffee together or evening "
                        "walks, restore trust alongside the difficult conversations.",
                        best=True),
             ), guide.STEPS[6]),
)

QUIZ = ChoiceQuiz(
    id="step-by-step-check",
    title="Check what you learned: the steps",
    intro=(
        "A short check for learning: what does each step of the guide ask of the partners?",
        "Each answer comes with what the guide says about it and a link to its step.",
    ),
    instructions="Choose the answer that fits the guide best. You can skip any question.",
    items=QUESTIONS,
)
