"""Links into the guide pages, relative to the site root. Change a page's address here only."""

from __future__ import annotations

from .model import Link

STEPS = {
    1: Link("Step 1: Acknowledge the hurt fully and honestly", "step-by-step/#step-1"),
    2: Link("Step 2: Create space for honest, compassionate conversations", "step-by-step/#step-2"),
    3: Link("Step 3: Rebuild through consistent actions, not promises", "step-by-step/#step-3"),
    4: Link("Step 4: Create new boundaries and agreements", "step-by-step/#step-4"),
    5: Link("Step 5: Practice emotional regulation as a team", "step-by-step/#step-5"),
    6: Link("Step 6: Rebuild connection through moments of repair", "step-by-step/#step-6"),
    7: Link("Step 7: Get support when you need it", "step-by-step/#step-7"),
}

ATTACHMENT_STYLES = Link("How attachment styles and trauma shape trust repair", "attachment-and-trauma/")
SECURE_ATTACHMENT = Link("Secure attachment", "attachment-and-trauma/#secure-attachment")
ANXIOUS_ATTACHMENT = Link("Anxious attachment", "attachment-and-trauma/#anxious-attachment")
AVOIDANT_ATTACHMENT = Link("Avoidant attachment", "attachment-and-trauma/#avoidant-attachment")
DISORGANIZED_ATTACHMENT = Link("Disorganized attachment",
                               "attachment-and-trauma/#disorganized-attachment")
TRAUMA_HISTORY = Link("Trauma history", "attachment-and-trauma/#trauma-history")

SIGNS_OF_HEALING = Link("Signs that trust can be rebuilt",
                        "signs-of-rebuilding/#signs-that-trust-can-be-rebuilt")
SIGNS_OF_CONCERN = Link("When trust cannot be rebuilt",
                        "signs-of-rebuilding/#when-trust-cannot-be-rebuilt")

GETTING_SUPPORT = Link("Getting support", "getting-support/")
HELP_NOW = Link("Get help now: crisis and safety resources", "help-now/")

# The only pages a result that shows safety resources may link to: crisis and safety help.
# Any page about couples work, even a general one, would undo that result's message.
SAFETY_HELP_PAGES = (HELP_NOW.href,)

# The sections of "What not to do", one per reaction that slows healing.
NOT_TO_DO = Link("What not to do when rebuilding trust", "what-not-to-do/")
NOT_TO_DO_CHECKING_UP = Link("Punishing or \u201cchecking up on\u201d your partner indefinitely",
                             "what-not-to-do/#punishing-or-checking-up-on-your-partner-indefinitely")
NOT_TO_DO_AMMUNITION = Link("Using the breach of trust as ammunition in future conflicts",
                            "what-not-to-do/#using-the-breach-of-trust-as-ammunition-in-future-conflicts")
NOT_TO_DO_INSTANT = Link("Expecting trust to return instantly",
                         "what-not-to-do/#expecting-trust-to-return-instantly")
NOT_TO_DO_PRETENDING = Link("Pretending everything is fine to avoid conflict",
                            "what-not-to-do/#pretending-everything-is-fine-to-avoid-conflict")
NOT_TO_DO_PRESSURING = Link("Pressuring yourself to trust before you feel ready",
                            "what-not-to-do/#pressuring-yourself-to-trust-before-you-feel-ready")
