"""Knowledge check for "What not to do": which common reactions slow healing, and why.

One question per section of the chapter, each linking it. The best answers and the feedback
quote or closely follow the chapter's own sentences (and, where an option points elsewhere,
the step-by-step guide's). It asks about the guide, never about the reader's relationship:
those questions belong to the self-checks. Scoring lives in `quizzes.core.choice`.
"""

from __future__ import annotations

from quizzes.core import guide
from quizzes.core.choice import ChoiceQuiz, Option, Question

QUESTIONS = (
    Question("checking", 1, "Why does the guide advise against checking up on a partner "
             "indefinitely after trust was broken?", (
                 Option("survival", "It keeps the relationship stuck in survival mode.",
                        "Yes. The guide says that punishing or \u201cchecking up on\u201d a partner "
                        "indefinitely \u201ckeeps the relationship stuck in survival mode.\u201d Agreements "
                        "both partners choose are different: they help the relationship feel safe again.",
                        best=True),
                 Option("no-right", "The hurt partner has no right to feel worried.",
                        "The guide never blames anyone for worrying. It calls these reactions common and "
                        "understandable. The trouble is that checking up without end keeps the "
                        "relationship stuck in survival mode."),
                 Option("apology", "An apology should be enough to bring trust back.",
                        "The guide says trust is not restored through apologies alone: it grows through "
                        "repeated, reliable behavior. Checking up is a concern because, kept up "
                        "indefinitely, it keeps the relationship stuck in survival mode."),
             ), guide.NOT_TO_DO_CHECKING_UP),
    Question("ammunition", 2, "In a new argument, one partner brings up the old breach of trust to "
             "win the point. What does the guide say this does?", (
                 Option("accountable", "It helps, because it keeps the other partner accountable.",
                        "Accountability matters a lot in the guide, but it comes from the partner who "
                        "broke trust taking responsibility (Step 1). Used as ammunition, the breach "
                        "\u201ckeeps both partners in defensiveness.\u201d"),
                 Option("defensive", "It prevents true healing and keeps both partners in defensiveness.",
                        "Yes, in the guide's own words. When the breach becomes ammunition, both partners "
                        "end up defending themselves instead of healing.",
                        best=True),
                 Option("harmless", "It does no harm if the argument is about something else.",
                        "The guide lists this among the reactions to avoid, whatever the argument is "
                        "about: it \u201cprevents true healing and keeps both partners in "
                        "defensiveness.\u201d"),
             ), guide.NOT_TO_DO_AMMUNITION),
    Question("instant", 3, "How does the guide say trust comes back?", (
        Option("apology", "All at once, as soon as the partner who broke it apologizes.",
               "The guide asks us not to expect trust to return instantly. Trust is not restored "
               "through apologies alone; it grows through repeated, reliable behavior."),
        Option("gradually", "Gradually: the nervous system heals gradually, not on demand.",
               "Yes: \u201cThe nervous system heals gradually, not on demand.\u201d Healing shows up in "
               "small, steady signs over time.",
               best=True),
        Option("deadline", "After a set time, such as six months.",
               "The guide names no fixed time. The nervous system heals gradually, not on demand, so "
               "healing is seen in steady signs rather than on a date."),
    ), guide.NOT_TO_DO_INSTANT),
    Question("pretending", 4, "Why does the guide warn against pretending everything is fine to "
             "avoid conflict?", (
                 Option("peace", "It doesn't: keeping the peace is the fastest way to heal.",
                        "Wanting calm is understandable. But the guide lists pretending everything is "
                        "fine among the reactions that slow healing, because suppressed emotions "
                        "eventually resurface."),
                 Option("resurface", "Suppressed emotions eventually resurface.",
                        "Yes. Feelings that are pushed down come back later. The guide asks instead for "
                        "honest, compassionate conversations, such as sharing fears (Step 2).",
                        best=True),
                 Option("straight-away", "Every disagreement must be talked through at once, however "
                        "heated.",
                        "Feelings do need to be shared, but not at any cost: the guide suggests taking "
                        "breaks during difficult conversations (Step 5). The warning here is that "
                        "suppressed emotions eventually resurface."),
             ), guide.NOT_TO_DO_PRETENDING),
    Question("pressure", 5, "A hurt partner feels they should trust again by now, but they do not "
             "feel ready. What does the guide say?", (
                 Option("decide", "Deciding to trust fully right away speeds up healing.",
                        "The guide advises against pressuring yourself to trust before you feel ready. "
                        "Trust cannot be forced."),
                 Option("never", "If trust has not come back by now, it never will.",
                        "The guide does not say that. The nervous system heals gradually, not on "
                        "demand, and trust returns when the body feels safe again."),
                 Option("forced", "Trust cannot be forced: it returns when the body feels safe again.",
                        "Yes, in the guide's words: \u201cTrust cannot be forced \u2014 it returns when the "
                        "body feels safe again.\u201d",
                        best=True),
             ), guide.NOT_TO_DO_PRESSURING),
)

QUIZ = ChoiceQuiz(
    id="what-not-to-do-check",
    title="Check what you learned: what not to do",
    intro=(
        "A short check for learning: which common reactions does this chapter say can slow "
        "healing, and why?",
        "Each answer comes with what the guide says about it and a link to its section.",
    ),
    instructions="Choose the answer that fits the guide best. You can skip any question.",
    items=QUESTIONS,
)
