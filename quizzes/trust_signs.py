"""Trust signs checklist: the guide's signs of healing and of concern, plus safety questions.

Safety override: any safety item, or the concern "Emotional or physical safety is
compromised.", picks the "safety-first" category. That result leads with safety resources,
suggests individual support rather than couples sessions, and says nothing about rebuilding.
Scoring rules live in `quizzes.core.checklist` and are printed by `QUIZ.scoring_key()`.
"""

from __future__ import annotations

from quizzes.core import guide
from quizzes.core.checklist import SAFETY_TRIGGERS, ChecklistQuiz
from quizzes.core.model import Category, ChecklistItem, Condition, Group, Rule

HOPEFUL = "hopeful"
CONCERN = "concern"
SAFETY = "safety"

ITEMS = (
    # The guide's "Signs That Trust Can Be Rebuilt", in the first person.
    ChecklistItem("hope1", 1, "My partner is consistently accountable.", HOPEFUL),
    ChecklistItem("hope2", 2, "I am able to have vulnerable conversations more easily.", HOPEFUL),
    ChecklistItem("hope3", 3, "Emotional reactions feel less intense or overwhelming.", HOPEFUL),
    ChecklistItem("hope4", 4, "I feel more regulated during conflict.", HOPEFUL),
    ChecklistItem("hope5", 5, "I am starting to sense safety and connection again.", HOPEFUL),
    ChecklistItem("hope6", 6, "I notice small examples of reliability in daily life.", HOPEFUL),
    ChecklistItem("hope7", 7, "Repairing ruptures becomes easier.", HOPEFUL),
    # The guide's "When Trust Cannot Be Rebuilt?", word for word.
    ChecklistItem("concern1", 8, "There is repeated dishonesty.", CONCERN),
    ChecklistItem("concern2", 9, "Boundaries continue to be violated.", CONCERN),
    ChecklistItem("concern3", 10, "One partner refuses accountability.", CONCERN),
    ChecklistItem("concern4", 11, "Emotional or physical safety is compromised.", CONCERN,
                  triggers_safety=True),
    ChecklistItem("concern5", 12, "There is persistent defensiveness with no willingness to repair.",
                  CONCERN),
    ChecklistItem("concern6", 13, "One partner is unwilling to participate in healing.", CONCERN),
    # Safety: any one of these leads to the safety-first result.
    ChecklistItem("safety1", 14, "I am afraid of my partner.", SAFETY, triggers_safety=True),
    ChecklistItem("safety2", 15, "My partner has threatened to hurt me.", SAFETY, triggers_safety=True),
    ChecklistItem("safety3", 16, "My partner has hurt me physically, for example by pushing, "
                  "hitting, or choking me.", SAFETY, triggers_safety=True),
    ChecklistItem("safety4", 17, "My partner tracks or controls me, for example where I go, "
                  "my phone, or my money.", SAFETY, triggers_safety=True),
    ChecklistItem("safety5", 18, "My partner has pressured or forced me into sexual contact.",
                  SAFETY, triggers_safety=True),
)

CATEGORIES = (
    Category(
        "safety-first", "Your safety comes first",
        (
            "You ticked at least one statement about safety. That matters more than anything "
            "else on this list. You deserve to be safe, and what is happening is not your fault.",
            "When a partner frightens, threatens, hurts, or controls you, joint couples sessions "
            "can put you at more risk. The National Domestic Violence Hotline does not recommend "
            "couples counseling when there is abuse.",
            "Support just for you is a safer place to start. A Hotline advocate can help you make "
            "a safety plan, and an individual therapist can help you think through your next "
            "steps at your own pace.",
        ),
        (guide.HELP_NOW,),
        safety_first=True,
    ),
    Category(
        "nothing-ticked", "Nothing ticked",
        (
            "You did not tick any statements. Maybe none of them fit right now, or it is too "
            "soon to tell. Both are okay.",
            "You can come back to this list as things change. Talking it over with a counselor "
            "can also help you see where things stand.",
        ),
        (guide.SIGNS_OF_HEALING, guide.SIGNS_OF_CONCERN, guide.GETTING_SUPPORT),
    ),
    Category(
        "first-sign", "A first sign of healing",
        (
            "You ticked one sign of healing and none of the concerns.",
            "Rebuilding trust doesn't happen all at once; it shows up in small, steady signs. One "
            "sign is a start worth noticing, and more may come with time.",
            "This checklist is for learning and cannot judge your relationship for you. Talking "
            "it over with a counselor can help you notice what helps and keep going.",
        ),
        (guide.SIGNS_OF_HEALING, guide.STEPS[3], guide.STEPS[6], guide.GETTING_SUPPORT),
    ),
    Category(
        "healing-signs", "Signs of healing",
        (
            "Rebuilding trust doesn't happen all at once; it shows up in small, steady signs. "
            "You ticked several of them, and none of the concerns.",
            "Healing is happening \u2014 even if slowly.",
            "This checklist is for learning and cannot judge your relationship for you. Talking "
            "it over with a counselor can help you keep going.",
        ),
        (guide.SIGNS_OF_HEALING, guide.STEPS[3], guide.STEPS[6], guide.GETTING_SUPPORT),
    ),
    Category(
        "mixed", "Mixed signs",
        (
            "You ticked signs of healing and signs of concern. Both can be true at the same "
            "time: the signs of healing you see are real, and so are the concerns.",
            "The concerns you ticked are on the guide's list of times when rebuilding trust may "
            "not be possible. They are worth naming openly, with accountability and clear "
            "agreements about what happens next.",
            "Repair is most successful when both partners take part. A counselor can help you "
            "look at the concerns honestly, and individual therapy can help you gain clarity "
            "about your next steps.",
        ),
        (guide.SIGNS_OF_CONCERN, guide.STEPS[1], guide.STEPS[4], guide.STEPS[7]),
    ),
    Category(
        "concerns-to-name", "Concerns worth naming",
        (
            "You ticked one or two signs from the guide's list of times when rebuilding trust may "
            "not be possible, and no signs of healing yet.",
            "One or two concerns do not decide anything on their own. They are worth naming "
            "openly, with accountability and clear agreements about what happens next.",
            "Repair needs honesty, accountability, and willingness from both partners. A "
            "counselor can help you look at the concerns honestly, and individual therapy can "
            "help you gain clarity about your next steps.",
        ),
        (guide.SIGNS_OF_CONCERN, guide.STEPS[1], guide.STEPS[4], guide.GETTING_SUPPORT),
    ),
    Category(
        "serious-concerns", "Serious concerns",
        (
            "You ticked several signs from the guide's list of times when rebuilding trust may "
            "not be possible, and few or no signs of healing.",
            "Repair needs honesty, accountability, and willingness from both partners. Sometimes "
            "the most compassionate choice is to let go. Choosing yourself is also an act of "
            "courage.",
            "This checklist cannot make that choice for you. Individual therapy can help you gain "
            "clarity about your next steps.",
        ),
        (guide.SIGNS_OF_CONCERN, guide.GETTING_SUPPORT, guide.STEPS[7]),
    ),
)

# First match wins; safety first, so no other rule can hide a safety answer. Letting go is
# raised only when concerns outweigh the signs of healing; "Healing is happening" only when
# more than one sign is ticked.
RULES = (
    Rule("safety-first", (Condition(SAFETY_TRIGGERS, at_least=1),)),
    Rule("nothing-ticked", (Condition(HOPEFUL, at_most=0), Condition(CONCERN, at_most=0))),
    Rule("serious-concerns", (Condition(CONCERN, at_least=3), Condition(HOPEFUL, at_most=2))),
    Rule("mixed", (Condition(CONCERN, at_least=1), Condition(HOPEFUL, at_least=1))),
    Rule("concerns-to-name", (Condition(CONCERN, at_least=1, at_most=2), Condition(HOPEFUL, at_most=0))),
    Rule("first-sign", (Condition(HOPEFUL, at_least=1, at_most=1), Condition(CONCERN, at_most=0))),
    Rule("healing-signs", (Condition(HOPEFUL, at_least=2), Condition(CONCERN, at_most=0))),
)

QUIZ = ChecklistQuiz(
    id="trust-signs",
    title="Trust signs checklist",
    intro=(
        "This checklist uses the signs from our guide to help you reflect on where things stand "
        "after trust was hurt. It cannot decide anything for you.",
        "Some statements ask about your safety. If any of them fit, your result will start with "
        "places to get help.",
    ),
    instructions="Tick each statement that is true for you right now. Leave the rest blank.",
    items=ITEMS,
    categories=CATEGORIES,
    note="The help page lists people you can reach at any time.",
    groups=(
        Group(HOPEFUL, "Signs of healing"),
        Group(CONCERN, "Signs of concern"),
        Group(SAFETY, "Your safety"),
    ),
    rules=RULES,
)
