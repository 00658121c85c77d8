"""The one table of screening rules (clinical-spec sections 4 and 5), in rule table order."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from kiosk.readiness.conditions import (
    AllOf,
    AnswerIn,
    AnyOf,
    Condition,
    NoWarningSign,
    Phq2AtLeast,
    Phq2Incomplete,
    WarningSign,
    Weeks,
)
from kiosk.readiness.model import Flag, Severity
from kiosk.readiness.validate import ValidAnswers

# Bump with every change to a rule's logic, severity or words; must match
# `rules_version` in resources/questionnaire.toml (a test checks it).
RULES_VERSION = "2026.11-1"

RED_FLAG = Severity.RED_FLAG
CONTRAINDICATION = Severity.CONTRAINDICATION
CAUTION = Severity.CAUTION
NOTE = Severity.NOTE


@dataclass(frozen=True, kw_only=True)
class Rule:
    """One screening rule: when it fires, how severe it is, and what it tells whom."""

    id: str
    severity: Severity
    title: str
    patient_text: str
    clinician_text: str
    sources: tuple[str, ...]
    predicate: Condition
    title_es: str
    patient_text_es: str

    def fires(self, answers: ValidAnswers) -> bool:
        return self.predicate(answers)

    def title_in(self, language: str) -> str:
        """The short title in `language` ("en" or "es"), English for any other."""
        return self.title_es if language == "es" else self.title

    def patient_text_in(self, language: str) -> str:
        """The patient text in `language` ("en" or "es"), English for any other."""
        return self.patient_text_es if language == "es" else self.patient_text

    def flag(self) -> Flag:
        """The flag this rule raises (English, as in the JSON of clinical-spec section 6)."""
        return Flag(
            id=self.id,
            severity=self.severity,
            title=self.title,
            patient_text=self.patient_text,
            clinician_text=self.clinician_text,
            sources=self.sources,
        )


def _is(question: str, *values: str) -> AnswerIn:
    return AnswerIn(question, values)


_TELL_DESK = "Please tell the front desk now. They will help you get care right away."
_TELL_DESK_ES = (
    "Por favor, avise ahora a la recepción. Le ayudarán a recibir atención de inmediato."
)
_NO_EXERCISE = (
    "Postpartum warning sign (POST-BIRTH, Hear Her); DAVENPORT2025 lists several of these "
    "as contraindications to exercise. Stop the running screen and arrange same-day medical "
    "evaluation; emergency services if the symptom is happening now."
)


def _red_flag(
    sign: str, rule_id: str, title: str, told: str, title_es: str, told_es: str, clinician: str
) -> Rule:
    return Rule(
        id=rule_id,
        severity=RED_FLAG,
        title=title,
        patient_text=f"{told} {_TELL_DESK}",
        clinician_text=f"{clinician} {_NO_EXERCISE}",
        sources=("POSTBIRTH",),
        predicate=WarningSign(sign),
        title_es=title_es,
        patient_text_es=f"{told_es} {_TELL_DESK_ES}",
    )


_RED_FLAGS: tuple[Rule, ...] = (
    _red_flag(
        "chest_pain",
        "RF-CHEST-PAIN",
        "Chest pain or racing heart",
        "You told us about chest pain or a racing heart.",
        "Dolor de pecho o corazón acelerado",
        "Usted nos dijo que tiene dolor de pecho o el corazón acelerado.",
        "Chest pain or pressure, or palpitations, now or in recent days: consider peripartum "
        "cardiomyopathy, pulmonary embolism, myocardial ischaemia.",
    ),
    _red_flag(
        "breathing",
        "RF-BREATHING",
        "Trouble breathing",
        "You told us it is hard to breathe, even at rest.",
        "Le cuesta respirar",
        "Usted nos dijo que le cuesta respirar, aun en reposo.",
        "Shortness of breath at rest or trouble breathing: consider pulmonary embolism, "
        "peripartum cardiomyopathy, asthma, severe anaemia.",
    ),
    _red_flag(
        "heavy_bleeding",
        "RF-HEAVY-BLEEDING",
        "Very heavy bleeding",
        "You told us about very heavy bleeding.",
        "Sangrado muy fuerte",
        "Usted nos dijo que tiene un sangrado muy fuerte.",
        "Bleeding that soaks a pad in an hour, or clots the size of an egg or larger: "
        "consider secondary postpartum haemorrhage (retained products, infection).",
    ),
    _red_flag(
        "leg_swelling",
        "RF-LEG-SWELLING",
        "One leg swollen or painful",
        "You told us one leg is red, swollen, warm or sore.",
        "Una pierna hinchada o con dolor",
        "Usted nos dijo que una pierna está roja, hinchada, caliente o le duele.",
        "Unilateral leg redness, swelling, warmth or calf pain: consider deep vein thrombosis.",
    ),
    _red_flag(
        "severe_headache",
        "RF-SEVERE-HEADACHE",
        "Bad headache that will not go away",
        "You told us about a bad headache that will not go away.",
        "Dolor de cabeza fuerte que no se quita",
        "Usted nos dijo que tiene un dolor de cabeza fuerte que no se quita.",
        "Persistent headache, or headache with visual change: consider postpartum "
        "pre-eclampsia or hypertension, stroke, post-dural-puncture headache; check blood "
        "pressure.",
    ),
    _red_flag(
        "fever",
        "RF-FEVER",
        "Fever",
        "You told us you have a fever.",
        "Fiebre",
        "Usted nos dijo que tiene fiebre.",
        "Temperature of 100.4 F (38 C) or higher: consider endometritis, wound infection, "
        "mastitis, urinary tract infection, sepsis.",
    ),
    _red_flag(
        "wound",
        "RF-WOUND",
        "Wound or scar not healing",
        "You told us a wound or scar is red, leaking or opening.",
        "Herida o cicatriz que no sana bien",
        "Usted nos dijo que una herida o cicatriz está roja, le sale líquido o se está abriendo.",
        "Caesarean or perineal wound that is red, oozing, opening or malodorous: consider "
        "wound infection or dehiscence.",
    ),
    _red_flag(
        "fainting",
        "RF-FAINTING",
        "Fainting or feeling faint",
        "You told us you fainted or feel faint or dizzy.",
        "Desmayo o mareo",
        "Usted nos dijo que se desmayó o que se siente débil o mareada.",
        "Syncope, presyncope or dizziness: consider haemorrhage, anaemia, arrhythmia, "
        "hypotension, pulmonary embolism.",
    ),
    Rule(
        id="RF-SELF-HARM",
        severity=RED_FLAG,
        title="Thoughts of harming self or baby",
        patient_text=(
            "Thank you for telling us. You are not alone, and help is here. Please tell the "
            "front desk now. You can also call or text 988 at any time, day or night. It is "
            "the 988 Suicide & Crisis Lifeline."
        ),
        clinician_text=(
            "Thoughts of harming herself or her baby. Do not leave her alone; follow the "
            "clinic's suicide and infant-safety protocol for same-day mental health or "
            "emergency evaluation. She was shown the 988 Suicide & Crisis Lifeline (call or "
            "text 988, US). Stop the running screen."
        ),
        sources=("POSTBIRTH",),
        predicate=WarningSign("self_harm"),
        title_es="Pensamientos de hacerse daño o de dañar al bebé",
        patient_text_es=(
            "Gracias por decírnoslo. No está sola y aquí hay ayuda. Por favor, avise ahora a "
            "la recepción. También puede llamar o mandar un mensaje de texto al 988, a "
            "cualquier hora, de día o de noche: es la Línea 988 de Prevención del Suicidio y "
            "Crisis, y atienden en español."
        ),
    ),
)

_CONTRAINDICATIONS: tuple[Rule, ...] = (
    Rule(
        id="CI-EARLY",
        severity=CONTRAINDICATION,
        title="Less than 3 weeks since the birth",
        patient_text=(
            "Your baby was born less than 3 weeks ago. Your body needs this time to rest and "
            "heal. Rest and short, easy walks are the best start."
        ),
        clinician_text=(
            "Under 3 weeks postpartum: inside the minimum 3-week period of rest and recovery. "
            "No running. Advise relative rest, gentle walking, breathing and pelvic floor "
            "activation; plan an individualised timeline from week 3."
        ),
        sources=("CHRISTOPHER2024",),
        predicate=Weeks(high=3),
        title_es="Menos de 3 semanas desde el parto",
        patient_text_es=(
            "Su bebé nació hace menos de 3 semanas. Su cuerpo necesita este tiempo para "
            "descansar y sanar. Descansar y dar caminatas cortas y suaves es el mejor comienzo."
        ),
    ),
    Rule(
        id="CI-NOT-CLEARED",
        severity=CONTRAINDICATION,
        title="Doctor or midwife said to wait",
        patient_text=(
            "At your check-up, you were told to wait before you exercise. We will follow that "
            "advice. Your PT can work with your doctor or midwife on the next steps."
        ),
        clinician_text=(
            "Postnatal check done and told not to exercise yet. Find out why (e.g. wound, "
            "anaemia, blood pressure, cardiac or thyroid concerns) and liaise with the "
            "obstetric provider before any impact loading."
        ),
        sources=("DAVENPORT2025",),
        predicate=_is("postnatal_check", "not_cleared"),
        title_es="Su médico o partera le dijo que espere",
        patient_text_es=(
            "En su revisión le dijeron que espere antes de hacer ejercicio. Vamos a seguir ese "
            "consejo. Su fisioterapeuta puede hablar con su médico o partera sobre los "
            "siguientes pasos."
        ),
    ),
    Rule(
        id="CI-PROLAPSE",
        severity=CONTRAINDICATION,
        title="Prolapse, grade 2 or higher",
        patient_text=(
            "You were told you have a prolapse of grade 2 or higher. This is common after "
            "birth, and the right exercises can help a lot. Your PT will work on this with "
            "you first."
        ),
        clinician_text=(
            "Reported pelvic organ prolapse grade 2+ (POP-Q stage 2: leading edge within 1 cm "
            "of the hymen): an absolute but temporary contraindication to running. Examine "
            "(POP-Q, pelvic floor muscle function), start pelvic floor muscle training, "
            "consider a pessary fitting; defer impact."
        ),
        sources=("CLINIC", "POPQ"),
        predicate=_is("prolapse_diagnosis", "grade_2_plus"),
        title_es="Prolapso de grado 2 o más",
        patient_text_es=(
            "Le dijeron que tiene un prolapso de grado 2 o más. Es común después del parto, y "
            "los ejercicios correctos ayudan mucho. Su fisioterapeuta trabajará esto con usted "
            "primero."
        ),
    ),
    Rule(
        id="CI-HEAVINESS",
        severity=CONTRAINDICATION,
        title="Heaviness or bulge in the pelvis",
        patient_text=(
            "You feel heaviness, pressure or a bulge down below. This is common after birth. "
            "It tells us to build strength first. Your PT will check this with you."
        ),
        clinician_text=(
            "Pelvic heaviness, pressure, bulge or dragging: symptoms of pelvic organ prolapse, "
            "a reason to defer running. Examine the pelvic floor (POP-Q, strength, endurance, "
            "relaxation) and relate symptoms to load; no impact until the load and impact "
            "tests are symptom-free."
        ),
        sources=("GOOM2019",),
        predicate=_is("pelvic_heaviness", "yes"),
        title_es="Peso o bulto en la pelvis",
        patient_text_es=(
            "Usted siente peso, presión o un bulto abajo. Es común después del parto. Nos "
            "dice que primero hay que ganar fuerza. Su fisioterapeuta lo revisará con usted."
        ),
    ),
    Rule(
        id="CI-STRESS-LEAK",
        severity=CONTRAINDICATION,
        title="Leaks pee with effort",
        patient_text=(
            "You leak pee when you cough, sneeze, lift or jump. This happens to many new moms. "
            "It can be treated, and your PT can help. It is best to work on this before you "
            "run."
        ),
        clinician_text=(
            "Stress urinary incontinence (leakage on effort, sneezing or coughing), sometimes "
            "or often: an absolute but temporary contraindication to running. Assess pelvic "
            "floor strength, endurance and timing (the Knack) and leakage on the load and "
            "impact tests; start pelvic floor muscle training."
        ),
        sources=("CLINIC", "ICS"),
        predicate=_is("leak_effort", "sometimes", "often"),
        title_es="Escapes de orina con esfuerzo",
        patient_text_es=(
            "Se le sale la orina al toser, estornudar, cargar algo o saltar. Les pasa a muchas "
            "mamás. Tiene tratamiento, y su fisioterapeuta le puede ayudar. Es mejor "
            "trabajarlo antes de correr."
        ),
    ),
    Rule(
        id="CI-URGE-LEAK",
        severity=CONTRAINDICATION,
        title="Leaks pee with a sudden urge",
        patient_text=(
            "You get a sudden need to pee and sometimes leak. This is common after birth, and "
            "it can be treated. Your PT will help with this before you start to run."
        ),
        clinician_text=(
            "Urgency urinary incontinence (leakage with or right after a sudden urge), "
            "sometimes or often: a reason to defer running. Take a bladder history (frequency, "
            "fluids, bladder diary), screen for urinary tract infection, assess the pelvic "
            "floor; urge suppression and bladder training."
        ),
        sources=("GOOM2019", "ICS"),
        predicate=_is("leak_urgency", "sometimes", "often"),
        title_es="Escapes de orina con ganas repentinas",
        patient_text_es=(
            "Le dan ganas de orinar de repente y a veces se le sale. Es común después del "
            "parto y tiene tratamiento. Su fisioterapeuta le ayudará con esto antes de correr."
        ),
    ),
    Rule(
        id="CI-BOWEL",
        severity=CONTRAINDICATION,
        title="Hard to hold in gas or poop",
        patient_text=(
            "It is hard for you to hold in gas or poop. This is more common than you might "
            "think, and there is help for it. Your PT will talk with you about it."
        ),
        clinician_text=(
            "Flatal or faecal incontinence or urgency: a reason to defer running. Ask about "
            "tear history, stool form and urgency; assess anal sphincter and pelvic floor "
            "function; refer to a perineal or colorectal clinic when indicated."
        ),
        sources=("GOOM2019",),
        predicate=_is("bowel_leak", "yes"),
        title_es="Le cuesta aguantar los gases o el popó",
        patient_text_es=(
            "Le cuesta aguantar los gases o el popó. Es más común de lo que parece, y hay "
            "ayuda. Su fisioterapeuta hablará de esto con usted."
        ),
    ),
    Rule(
        id="CI-PELVIC-PAIN",
        severity=CONTRAINDICATION,
        title="Pain in the pelvis or vagina",
        patient_text=(
            "You have pain in your pelvis or vagina, or pain with sex. You do not have to live "
            "with this. Your PT can help find the cause and ease the pain."
        ),
        clinician_text=(
            "Pelvic, vaginal or perineal pain, or pain with intercourse: a reason to defer "
            "running. Assess perineal or caesarean scar tissue, pelvic floor overactivity and "
            "pain with load; medical review if the cause is unclear."
        ),
        sources=("GOOM2019",),
        predicate=_is("pelvic_pain", "yes"),
        title_es="Dolor en la pelvis o la vagina",
        patient_text_es=(
            "Tiene dolor en la pelvis o la vagina, o dolor en las relaciones sexuales. No "
            "tiene que vivir con esto. Su fisioterapeuta le puede ayudar a encontrar la causa "
            "y aliviar el dolor."
        ),
    ),
    Rule(
        id="CI-BLEEDING",
        severity=CONTRAINDICATION,
        title="Bleeding 8 weeks or more after the birth",
        patient_text=(
            "You have bleeding that is not a period, or that gets heavier when you are active. "
            "It is good to get this checked. Your PT may ask you to see your doctor."
        ),
        clinician_text=(
            "Bleeding not related to menstruation, or increasing with activity, at 8 weeks "
            "postpartum or later: a reason to defer running. Refer to the obstetric provider "
            "or GP to rule out retained products, infection or other causes before impact."
        ),
        sources=("GOOM2019",),
        predicate=AllOf((_is("bleeding", "yes"), Weeks(low=8))),
        title_es="Sangrado 8 semanas o más después del parto",
        patient_text_es=(
            "Tiene un sangrado que no es su regla, o que aumenta cuando se mueve. Es bueno "
            "revisarlo. Su fisioterapeuta tal vez le pida ver a su médico."
        ),
    ),
    Rule(
        id="CI-DIASTASIS",
        severity=CONTRAINDICATION,
        title="Tummy muscle gap over 2 cm",
        patient_text=(
            "A gap over 2 cm was found between your tummy muscles. This is common after "
            "pregnancy. The right exercises help your tummy get strong again. Your PT will "
            "show you how."
        ),
        clinician_text=(
            "Diastasis recti abdominis measured over 2 cm: an absolute but temporary "
            "contraindication to running. Re-measure the inter-rectus distance (at, above and "
            "below the umbilicus), assess linea alba tension and load transfer on curl-up; "
            "progressive abdominal loading."
        ),
        sources=("CLINIC",),
        predicate=_is("diastasis_measured", "over_2cm"),
        title_es="Separación de los músculos de la panza de más de 2 cm",
        patient_text_es=(
            "Le encontraron una separación de más de 2 cm entre los músculos de la panza. Es "
            "común después del embarazo. Los ejercicios correctos ayudan a que su panza vuelva "
            "a estar fuerte. Su fisioterapeuta le enseñará cómo."
        ),
    ),
    Rule(
        id="CI-SI-PAIN",
        severity=CONTRAINDICATION,
        title="Pain at the back of the pelvis",
        patient_text=(
            "You have pain at the back of your pelvis, near the dimples above your buttocks. "
            "This spot often gets sore after pregnancy. Your PT can treat it before you run."
        ),
        clinician_text=(
            "Sacroiliac joint region pain: an absolute but temporary contraindication to "
            "running. Assess with SIJ provocation tests and the active straight leg raise; "
            "check lumbopelvic control and hip and gluteal strength."
        ),
        sources=("CLINIC",),
        predicate=_is("pain_back_pelvis", "yes"),
        title_es="Dolor atrás en la pelvis",
        patient_text_es=(
            "Tiene dolor atrás en la pelvis, cerca de los hoyuelos arriba de las nalgas. Esta "
            "zona suele doler después del embarazo. Su fisioterapeuta lo puede tratar antes "
            "de que corra."
        ),
    ),
    Rule(
        id="CI-PUBIC-PAIN",
        severity=CONTRAINDICATION,
        title="Pain over the pubic bone",
        patient_text=(
            "You have pain at the front, over your pubic bone. This can happen after "
            "pregnancy, and it can get better. Your PT can treat it before you run."
        ),
        clinician_text=(
            "Pubic symphysis pain: an absolute but temporary contraindication to running. "
            "Palpate the symphysis, test the active straight leg raise, single-leg stance and "
            "adductor squeeze; consider imaging if severe or after a traumatic birth."
        ),
        sources=("CLINIC",),
        predicate=_is("pain_pubic", "yes"),
        title_es="Dolor sobre el hueso del pubis",
        patient_text_es=(
            "Tiene dolor adelante, sobre el hueso del pubis. Esto puede pasar después del "
            "embarazo, y puede mejorar. Su fisioterapeuta lo puede tratar antes de que corra."
        ),
    ),
    Rule(
        id="CI-SCIATIC",
        severity=CONTRAINDICATION,
        title="Pain or tingling down the leg",
        patient_text=(
            "You have pain, tingling or numbness from your buttock down your leg. Your PT will "
            "check it and help it settle before you run."
        ),
        clinician_text=(
            "Sciatic-type pain, tingling or numbness from the buttock down the back of the "
            "leg: an absolute but temporary contraindication to running. Neurological screen "
            "(dermatomes, myotomes, reflexes), neural tension tests, lumbar screen; urgent "
            "referral if saddle numbness, new bladder or bowel change, or progressive weakness."
        ),
        sources=("CLINIC",),
        predicate=_is("pain_sciatic", "yes"),
        title_es="Dolor u hormigueo que baja por la pierna",
        patient_text_es=(
            "Tiene dolor, hormigueo o adormecimiento que baja de la nalga por la pierna. Su "
            "fisioterapeuta lo revisará y le ayudará a que se calme antes de que corra."
        ),
    ),
    Rule(
        id="CI-WALK-SYMPTOMS",
        severity=CONTRAINDICATION,
        title="Leaks, heaviness or pain when walking",
        patient_text=(
            "Brisk walking brings leaks, heaviness or pain for you. Walking comes before "
            "running. Your PT will help you walk with no problems first."
        ),
        clinician_text=(
            "Leakage, heaviness or pain during 30 minutes of brisk walking: fails the first "
            "load test. Identify the symptom and the time or pace that brings it on; treat "
            "and progress walking until symptom-free before any impact."
        ),
        sources=("GOOM2019",),
        predicate=_is("walking", "symptoms"),
        title_es="Escapes, peso o dolor al caminar",
        patient_text_es=(
            "Al caminar rápido tiene escapes, peso o dolor. Caminar va antes que correr. Su "
            "fisioterapeuta le ayudará primero a caminar sin problemas."
        ),
    ),
    Rule(
        id="CI-RUN-SYMPTOMS",
        severity=CONTRAINDICATION,
        title="Leaks, heaviness or pain when running",
        patient_text=(
            "Running brought leaks, heaviness or pain for you. Your body is asking for more "
            "support first. It is best to pause running for now. Your PT will help you get "
            "back to it."
        ),
        clinician_text=(
            "Has run since the birth with leakage, heaviness or pain: pause running. Record "
            "the symptom, and the distance or time that brings it on; assess the pelvic floor "
            "and the load and impact tests; restart with walk-run once symptom-free."
        ),
        sources=("GOOM2019",),
        predicate=_is("tried_running", "yes_symptoms"),
        title_es="Escapes, peso o dolor al correr",
        patient_text_es=(
            "Al correr tuvo escapes, peso o dolor. Su cuerpo le pide más apoyo primero. Por "
            "ahora es mejor dejar de correr un tiempo. Su fisioterapeuta le ayudará a "
            "volver a correr."
        ),
    ),
)

_CAUTIONS: tuple[Rule, ...] = (
    Rule(
        id="CA-BEFORE-12-WEEKS",
        severity=CAUTION,
        title="Less than 12 weeks since the birth",
        patient_text=(
            "Your baby is less than 12 weeks old. Most experts suggest waiting until about 12 "
            "weeks to start running. This is a great time to build strength."
        ),
        clinician_text=(
            "3 to 11 weeks postpartum: the guideline advises no running before 3 months "
            "postnatal (later with pelvic floor symptoms), within an individualised timeline. "
            "Focus on pelvic floor, abdominal and lower-limb strength and low-impact exercise; "
            "plan the return-to-run tests from 12 weeks."
        ),
        sources=("GOOM2019", "CHRISTOPHER2024"),
        predicate=Weeks(low=3, high=12),
        title_es="Menos de 12 semanas desde el parto",
        patient_text_es=(
            "Su bebé tiene menos de 12 semanas. La mayoría de los expertos aconsejan esperar "
            "unas 12 semanas para empezar a correr. Es un gran momento para ganar fuerza."
        ),
    ),
    Rule(
        id="CA-NO-CHECKUP",
        severity=CAUTION,
        title="No check-up since the birth yet",
        patient_text=(
            "You have not had your check-up since the birth yet. Please book it with your "
            "doctor or midwife. It is an important step before you run."
        ),
        clinician_text=(
            "No postnatal medical check yet. Pre-participation screening expects one: screen "
            "for anaemia, blood pressure, wound healing and thyroid symptoms, and advise "
            "booking it before impact exercise."
        ),
        sources=("DAVENPORT2025",),
        predicate=_is("postnatal_check", "not_yet"),
        title_es="Todavía no tiene su revisión después del parto",
        patient_text_es=(
            "Todavía no ha tenido su revisión después del parto. Por favor, haga una cita con "
            "su médico o partera. Es un paso importante antes de correr."
        ),
    ),
    Rule(
        id="CA-PROLAPSE-GRADE",
        severity=CAUTION,
        title="Prolapse, grade not known",
        patient_text=(
            "You were told you have a prolapse, but you do not know the grade. That is OK. "
            "Your PT can check it and explain what it means for running."
        ),
        clinician_text=(
            "Diagnosed prolapse of unknown grade; grade 2+ is a contraindication to running. "
            "Stage it on examination (POP-Q) or obtain the diagnosing clinician's findings "
            "before impact."
        ),
        sources=("CLINIC", "POPQ"),
        predicate=_is("prolapse_diagnosis", "grade_unknown"),
        title_es="Prolapso de grado desconocido",
        patient_text_es=(
            "Le dijeron que tiene un prolapso, pero no sabe el grado. No pasa nada. Su "
            "fisioterapeuta lo puede revisar y explicarle qué significa para correr."
        ),
    ),
    Rule(
        id="CA-DIASTASIS-CHECK",
        severity=CAUTION,
        title="Tummy muscle gap to check",
        patient_text=(
            "You may have a gap between your tummy muscles. This is very common after "
            "pregnancy. Your PT can measure it and show you how to make your tummy strong."
        ),
        clinician_text=(
            "Possible diastasis recti: doming or a gap on curl-up (or unsure) with no "
            "measurement, or measured with the size unknown. Measure the inter-rectus distance "
            "(finger widths or ultrasound) and linea alba tension; over 2 cm is a "
            "contraindication to running."
        ),
        sources=("CLINIC", "GOOM2019"),
        predicate=AnyOf(
            (
                _is("diastasis_measured", "size_unknown"),
                AllOf(
                    (
                        _is("diastasis_measured", "none"),
                        _is("abdominal_doming", "yes", "unsure"),
                    )
                ),
            )
        ),
        title_es="Separación de los músculos de la panza por revisar",
        patient_text_es=(
            "Puede que tenga una separación entre los músculos de la panza. Es muy común "
            "después del embarazo. Su fisioterapeuta la puede medir y enseñarle a fortalecer "
            "su panza."
        ),
    ),
    Rule(
        id="CA-SEVERE-TEAR",
        severity=CAUTION,
        title="Large tear at birth",
        patient_text=(
            "You had a large tear at birth. Your PT will check how it has healed and how "
            "strong the muscles are. This helps you get back to running safely."
        ),
        clinician_text=(
            "Third- or fourth-degree perineal tear (obstetric anal sphincter injury). Ask "
            "about anal incontinence and urgency and perineal clinic follow-up; assess anal "
            "sphincter and pelvic floor function before impact."
        ),
        sources=("RCOG-OASI",),
        predicate=_is("perineal_tear", "severe"),
        title_es="Desgarro grande en el parto",
        patient_text_es=(
            "Tuvo un desgarro grande en el parto. Su fisioterapeuta revisará cómo sanó y qué "
            "tan fuertes están los músculos. Así puede volver a correr de forma segura."
        ),
    ),
    Rule(
        id="CA-SCAR",
        severity=CAUTION,
        title="C-section scar trouble",
        patient_text=(
            "Your C-section scar bothers you. Your PT can look at it and help it feel better. "
            "Tell your PT if it feels worse when you are active."
        ),
        clinician_text=(
            "Caesarean scar pain, pulling, bothersome numbness, incomplete healing, or "
            "symptoms with activity. Inspect and palpate the scar (healing, adhesions, "
            "sensitivity) and abdominal wall load tolerance; medical review if signs of "
            "infection or hernia."
        ),
        sources=("DAVENPORT2025",),
        predicate=_is("caesarean_scar_problem", "yes"),
        title_es="Molestias en la cicatriz de la cesárea",
        patient_text_es=(
            "Le molesta la cicatriz de la cesárea. Su fisioterapeuta la puede revisar y "
            "ayudarle a sentirse mejor. Dígale si le molesta más cuando se mueve."
        ),
    ),
    Rule(
        id="CA-WALK",
        severity=CAUTION,
        title="Cannot walk briskly for 30 minutes yet",
        patient_text=(
            "You cannot walk fast for 30 minutes yet. That is a great first goal. Add a few "
            "minutes to your walks, bit by bit."
        ),
        clinician_text=(
            "Cannot yet walk briskly for 30 minutes, the first load test. Find the limiting "
            "factor (fatigue, pain, pelvic symptoms, time) and build walking time, then pace, "
            "before the impact tests."
        ),
        sources=("GOOM2019",),
        predicate=_is("walking", "under_30"),
        title_es="Todavía no camina rápido 30 minutos",
        patient_text_es=(
            "Todavía no puede caminar rápido por 30 minutos. Es una muy buena primera meta. "
            "Agregue unos minutos a sus caminatas, poco a poco."
        ),
    ),
    Rule(
        id="CA-LOCHIA",
        severity=CAUTION,
        title="Bleeding in the first 8 weeks",
        patient_text=(
            "Some bleeding is normal in the first weeks after birth. If it gets heavier when "
            "you are active, slow down and tell your PT."
        ),
        clinician_text=(
            "Bleeding before 8 weeks postpartum, likely lochia. Bleeding that increases with "
            "activity means reducing load. Check pattern and amount; refer if heavy, "
            "malodorous or increasing."
        ),
        sources=("GOOM2019",),
        predicate=AllOf((_is("bleeding", "yes"), Weeks(high=8))),
        title_es="Sangrado en las primeras 8 semanas",
        patient_text_es=(
            "Es normal sangrar un poco en las primeras semanas después del parto. Si el "
            "sangrado aumenta cuando se mueve, baje el ritmo y dígale a su fisioterapeuta."
        ),
    ),
    Rule(
        id="CA-OTHER-PAIN",
        severity=CAUTION,
        title="Pain in the back, hip, knee, ankle or foot",
        patient_text=(
            "You have some pain in your low back, hip, knee, ankle or foot. Your PT will check "
            "it, so running can feel good for you."
        ),
        clinician_text=(
            "Low back, hip, knee, ankle or foot pain. Musculoskeletal assessment before "
            "impact: history, lower-limb strength, alignment and load tolerance."
        ),
        sources=("GOOM2019",),
        predicate=_is("pain_other", "yes"),
        title_es="Dolor en la espalda, la cadera, la rodilla, el tobillo o el pie",
        patient_text_es=(
            "Tiene algo de dolor en la parte baja de la espalda, la cadera, la rodilla, el "
            "tobillo o el pie. Su fisioterapeuta lo revisará para que correr se sienta bien."
        ),
    ),
)

_NOTES: tuple[Rule, ...] = (
    Rule(
        id="NOTE-BREASTFEEDING",
        severity=NOTE,
        title="Breastfeeding",
        patient_text=(
            "A few tips while you breastfeed: Feed or pump before you run. Wear a sports bra "
            "with good support. Drink water and eat well. Your joints can be a bit loose while "
            "you breastfeed, so strength work really helps."
        ),
        clinician_text=(
            "Breast or mixed feeding: relaxin keeps ligaments lax while breastfeeding, so "
            "build strength before impact. Advise breast support, feeding or expressing "
            "before runs, hydration and enough energy intake for lactation."
        ),
        sources=("CLINIC", "GOOM2019"),
        predicate=_is("feeding", "breast", "mixed"),
        title_es="Lactancia",
        patient_text_es=(
            "Unos consejos mientras da pecho: Dé de comer a su bebé o sáquese leche antes de "
            "correr. Use un sostén deportivo que sujete bien. Tome agua y coma bien. Sus "
            "articulaciones pueden estar un poco flojas mientras da pecho, por eso ayuda "
            "mucho hacer ejercicios de fuerza."
        ),
    ),
    Rule(
        id="NOTE-TEAR-UNSURE",
        severity=NOTE,
        title="Not sure about a tear at birth",
        patient_text=(
            "You are not sure if you had a tear at birth. That is OK. Your PT can talk with "
            "you about it."
        ),
        clinician_text=(
            "Unsure of perineal tear history: check the birth record for the tear degree "
            "(third or fourth degree = obstetric anal sphincter injury) and ask about anal "
            "incontinence and urgency."
        ),
        sources=("RCOG-OASI",),
        predicate=_is("perineal_tear", "unsure"),
        title_es="No está segura de si tuvo un desgarro",
        patient_text_es=(
            "No está segura de si tuvo un desgarro en el parto. No pasa nada. Su "
            "fisioterapeuta puede hablar de esto con usted."
        ),
    ),
    Rule(
        id="NOTE-SLEEP",
        severity=NOTE,
        title="Less than 4 hours of sleep",
        patient_text=(
            "You sleep less than 4 hours a day. That is hard, and very common with a new baby. "
            "Your PT will help you plan runs that fit your energy."
        ),
        clinician_text=(
            "Under 4 hours of total sleep per 24 hours: adjust the programme for sleep "
            "(volume, intensity, recovery days) and screen for fatigue."
        ),
        sources=("DEERING2024",),
        predicate=_is("sleep", "under_4"),
        title_es="Menos de 4 horas de sueño",
        patient_text_es=(
            "Duerme menos de 4 horas al día. Es difícil, y muy común con un bebé recién "
            "nacido. Su fisioterapeuta le ayudará a planear carreras que vayan con su energía."
        ),
    ),
    Rule(
        id="NOTE-FUEL",
        severity=NOTE,
        title="Eating enough",
        patient_text=(
            "Your body needs extra food to feed your baby and to be active. Try to eat regular "
            "meals and snacks, and drink water. Your PT can tell you more."
        ),
        clinician_text=(
            "Unsure of, or not, eating enough for lactation and activity: risk of low energy "
            "availability (RED-S). Screen energy intake, menstrual status and bone stress "
            "history; consider a dietitian referral."
        ),
        sources=("GOOM2019",),
        predicate=_is("fueling", "unsure", "not_enough"),
        title_es="Comer lo suficiente",
        patient_text_es=(
            "Su cuerpo necesita comida extra para alimentar a su bebé y estar activa. Trate de "
            "comer a sus horas, con botanas sanas, y de tomar agua. Su fisioterapeuta le "
            "puede decir más."
        ),
    ),
    Rule(
        id="NOTE-MOOD",
        severity=NOTE,
        title="Mood check",
        patient_text=(
            "Thank you for answering the questions about your mood. Many new moms feel low at "
            "times. Your PT will talk with you about support that can help."
        ),
        clinician_text=(
            "PHQ-2 score 3 or more: a positive depression screen. Follow up with a PHQ-9 or "
            "EPDS, ask directly about self-harm, and refer to the obstetric provider or "
            "mental health care per clinic protocol; mood also shapes the running programme."
        ),
        sources=("PHQ2",),
        predicate=Phq2AtLeast(3),
        title_es="Estado de ánimo",
        patient_text_es=(
            "Gracias por contestar las preguntas sobre su estado de ánimo. Muchas mamás se "
            "sienten decaídas a veces. Su fisioterapeuta hablará con usted sobre el apoyo que "
            "le puede ayudar."
        ),
    ),
    Rule(
        id="NOTE-MOOD-SKIPPED",
        severity=NOTE,
        title="Mood questions skipped",
        patient_text=(
            "You skipped a question about mood. That is OK. If you want to talk about how you "
            "feel, your PT is happy to listen."
        ),
        clinician_text=(
            "One or both PHQ-2 items skipped: mood was not screened. Consider asking the PHQ-2 "
            "(or the EPDS) in clinic."
        ),
        sources=("PHQ2",),
        predicate=AllOf((NoWarningSign(), Phq2Incomplete())),
        title_es="Preguntas sobre el ánimo sin contestar",
        patient_text_es=(
            "Saltó una pregunta sobre su estado de ánimo. No pasa nada. Si quiere hablar de "
            "cómo se siente, su fisioterapeuta la escuchará con gusto."
        ),
    ),
    Rule(
        id="NOTE-NEW-RUNNER",
        severity=NOTE,
        title="New to running",
        patient_text=(
            "You did not run before you were pregnant. That is fine! Your PT will help you "
            "start slowly, with walking and running mixed."
        ),
        clinician_text=(
            "Did not run before pregnancy: a new runner. Start with a walk-run programme, "
            "change one thing at a time, and add no more than about 10% running volume a week."
        ),
        sources=("DEERING2024",),
        predicate=_is("running_history", "none"),
        title_es="Nueva en correr",
        patient_text_es=(
            "No corría antes del embarazo. ¡Está bien! Su fisioterapeuta le ayudará a empezar "
            "despacio, mezclando caminar y correr."
        ),
    ),
    Rule(
        id="NOTE-STROLLER",
        severity=NOTE,
        title="Running with a stroller",
        patient_text=(
            "You want to run with your baby in a stroller. Experts suggest waiting until your "
            "baby is about 6 months old. Use a stroller made for running."
        ),
        clinician_text=(
            "Stroller (buggy) running goal before 26 weeks postpartum: buggy running is "
            "suggested from about 6 months, in a running buggy. It changes arm swing and "
            "posture, so add it once solo running is well tolerated."
        ),
        sources=("MOVINGMED",),
        predicate=AllOf((_is("running_goal", "stroller"), Weeks(high=26))),
        title_es="Correr con carriola",
        patient_text_es=(
            "Quiere correr con su bebé en la carriola. Los expertos aconsejan esperar hasta "
            "que su bebé tenga unos 6 meses. Use una carriola hecha para correr."
        ),
    ),
)

RULES: tuple[Rule, ...] = _RED_FLAGS + _CONTRAINDICATIONS + _CAUTIONS + _NOTES
"""Every rule, in the order of clinical-spec section 5 (red flags in section 4 order)."""

RULES_BY_ID: Mapping[str, Rule] = MappingProxyType({rule.id: rule for rule in RULES})
