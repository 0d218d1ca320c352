"""Demo training modules for seed_demo, in French and English (content only)."""

MODULES = [
    {
        "key": "recovery",
        "slug": {
            "fr": "retablissement-et-savoirs-experientiels",
            "en": "recovery-and-experiential-knowledge",
        },
        "title": {
            "fr": "Rétablissement et savoirs expérientiels",
            "en": "Recovery and experiential knowledge",
        },
        "theme": "recovery",
        "duration_minutes": 34,
        "summary": {
            "fr": (
                "<p>Le rétablissement, c'est un chemin personnel : retrouver une vie qui a du "
                "sens pour soi, avec ou sans symptômes. Ce module explique ce mot, ce que sont "
                "les savoirs expérientiels, et comment votre vécu peut devenir une ressource "
                "pour d'autres. Il part de l'expérience des personnes concernées et des "
                "pair-aidant·e·s.</p>"
            ),
            "en": (
                "<p>Recovery is a personal journey: finding a life that is meaningful to you "
                "again, with or without symptoms. This module explains the word, what "
                "experiential knowledge is, and how your lived experience can become a "
                "resource for others. It starts from the experience of people with lived "
                "experience and of peer supporters.</p>"
            ),
        },
        "objectives": {
            "fr": [
                "Expliquer avec vos mots ce qu'est le rétablissement.",
                "Faire la différence entre le vécu et le savoir expérientiel.",
                "Reconnaître ce qui soutient un chemin de rétablissement.",
                "Partager votre expérience sans en faire un modèle pour les autres.",
            ],
            "en": [
                "Explain in your own words what recovery means.",
                "Tell the difference between lived experience and experiential knowledge.",
                "Recognise what supports a recovery journey.",
                "Share your experience without turning it into a model for others.",
            ],
        },
        "audience": {
            "fr": (
                "Toute personne qui débute dans la pair-aidance ou qui veut revoir les bases, "
                "sans formation préalable."
            ),
            "en": (
                "Anyone starting out in peer support, or wanting to revisit the basics; no "
                "previous training needed."
            ),
        },
        "content_note": {
            "fr": "",
            "en": "",
        },
        "easy_read_summary": {
            "fr": (
                "<p>Ce module parle du <b>rétablissement</b>.</p><p>Le rétablissement, c'est "
                "aller mieux à sa façon.</p><p>On peut encore avoir des symptômes.</p><p>Et "
                "avoir quand même une vie qui nous plaît.</p><p>Votre expérience de vie peut "
                "aider d'autres personnes.</p><p>Le module a 3 leçons courtes.</p>"
            ),
            "en": (
                "<p>This module is about <b>recovery</b>.</p><p>Recovery means getting better "
                "in your own way.</p><p>You may still have symptoms.</p><p>And still have a "
                "life you like.</p><p>Your life experience can help other people.</p><p>The "
                "module has 3 short lessons.</p>"
            ),
        },
        "prerequisites": [],
        "pass_mark": 70,
        "max_quiz_attempts": None,
        "issues_certificate": True,
        "lessons": [
            {
                "slug": {
                    "fr": "le-retablissement-de-quoi-parle-t-on",
                    "en": "recovery-what-are-we-talking-about",
                },
                "title": {
                    "fr": "Le rétablissement, de quoi parle-t-on ?",
                    "en": "Recovery: what are we talking about?",
                },
                "estimated_minutes": 10,
                "body": {
                    "fr": [
                        ("heading", "Un chemin, pas une ligne d'arrivée"),
                        (
                            "paragraph",
                            (
                                "<p>En santé mentale, le mot <b>rétablissement</b> a deux "
                                "sens. Le premier est médical : les symptômes diminuent ou "
                                "disparaissent. Le second vient des personnes concernées "
                                "elles-mêmes : c'est retrouver une vie qui a du sens, qui vous "
                                "ressemble, <i>même si</i> certaines difficultés restent "
                                "là.</p><p>C'est ce second sens qui nous intéresse ici. On "
                                "parle parfois de « rétablissement personnel ». Il ne dépend "
                                "pas seulement des soins. Il dépend aussi des liens, des "
                                "projets, de l'estime de soi, et de la place que la société "
                                "vous laisse.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Des chercheur·e·s ont rassemblé les récits de nombreuses "
                                "personnes rétablies. Cinq ingrédients reviennent souvent "
                                ":</p><ul><li><b>Le lien</b> : avoir des personnes sur qui "
                                "compter, se sentir appartenir à un "
                                "groupe.</li><li><b>L'espoir</b> : croire qu'un changement est "
                                "possible.</li><li><b>L'identité</b> : être une personne "
                                "entière, pas seulement « un diagnostic ».</li><li><b>Le "
                                "sens</b> : trouver ce qui compte pour soi, un rôle, un "
                                "projet.</li><li><b>Le pouvoir d'agir</b> : faire ses propres "
                                "choix, reprendre la main sur sa vie.</li></ul><p>En anglais, "
                                "on résume ces cinq ingrédients par le mot CHIME. Ce n'est pas "
                                "une recette : chacun·e les vit dans son ordre et à son "
                                "rythme.</p>"
                            ),
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "Pendant des années, j'ai attendu d'être « guérie » pour "
                                    "recommencer à vivre. Le jour où j'ai compris que je "
                                    "pouvais reprendre des projets avec mes voix, quelque "
                                    "chose s'est débloqué. Elles sont toujours là, mais ce ne "
                                    "sont plus elles qui décident de tout."
                                ),
                                "attribution": (
                                    "Une pair-aidante, membre d'un groupe d'entendeurs de voix"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "information",
                                "text": (
                                    "<p>Le rétablissement n'est pas une ligne droite. Les "
                                    "rechutes, les pauses et les retours en arrière en font "
                                    "souvent partie. <b>Une période difficile n'efface pas le "
                                    "chemin déjà parcouru.</b></p>"
                                ),
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "À retenir",
                                "points": [
                                    "Le rétablissement est un chemin personnel, propre à chacun·e.",
                                    "On peut se rétablir tout en ayant encore des symptômes.",
                                    (
                                        "Le lien, l'espoir, l'identité, le sens et le pouvoir "
                                        "d'agir soutiennent ce chemin."
                                    ),
                                    (
                                        "Une rechute n'est pas un échec : elle fait souvent "
                                        "partie du chemin."
                                    ),
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "En pensant à votre propre chemin : qu'est-ce qui vous a "
                                    "aidé·e à reprendre espoir ? Une personne, un lieu, une "
                                    "activité, une phrase ?"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        ("heading", "A journey, not a finish line"),
                        (
                            "paragraph",
                            (
                                "<p>In mental health, the word <b>recovery</b> has two "
                                "meanings. The first is medical: symptoms go down or go away. "
                                "The second comes from people with lived experience "
                                "themselves: finding a life that has meaning and feels like "
                                "your own, <i>even if</i> some difficulties remain.</p><p>This "
                                "second meaning is the one we use here. It is sometimes called "
                                "“personal recovery”. It does not depend on care alone. It "
                                "also depends on relationships, projects, self-esteem, and the "
                                "place society leaves for you.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Researchers have gathered the stories of many people in "
                                "recovery. Five ingredients come up again and "
                                "again:</p><ul><li><b>Connectedness</b>: having people you can "
                                "count on, feeling you belong to a group.</li><li><b>Hope</b>: "
                                "believing that change is possible.</li><li><b>Identity</b>: "
                                "being a whole person, not just “a "
                                "diagnosis”.</li><li><b>Meaning</b>: finding what matters to "
                                "you, a role, a project.</li><li><b>Empowerment</b>: making "
                                "your own choices, taking back control of your "
                                "life.</li></ul><p>Together, their initials spell CHIME. It is "
                                "not a recipe: everyone lives them in their own order and at "
                                "their own pace.</p>"
                            ),
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "For years I waited to be “cured” before I started living "
                                    "again. The day I understood I could take up projects "
                                    "again with my voices, something shifted. They are still "
                                    "there, but they no longer decide everything."
                                ),
                                "attribution": "A peer supporter, member of a hearing voices group",
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "information",
                                "text": (
                                    "<p>Recovery is not a straight line. Relapses, pauses and "
                                    "steps back are often part of it. <b>A hard time does not "
                                    "erase the road you have already travelled.</b></p>"
                                ),
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "Recovery is a personal journey, different for everyone.",
                                    "You can be in recovery and still have symptoms.",
                                    (
                                        "Connectedness, hope, identity, meaning and "
                                        "empowerment support the journey."
                                    ),
                                    "A relapse is not a failure: it is often part of the journey.",
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Thinking about your own journey: what helped you find "
                                    "hope again? A person, a place, an activity, a sentence?"
                                ),
                            },
                        ),
                    ],
                },
                "easy_read": {
                    "fr": [
                        ("heading", "Le rétablissement, c'est quoi ?"),
                        (
                            "paragraph",
                            (
                                "<p>Le rétablissement, c'est <b>aller mieux à sa "
                                "façon</b>.</p><p>Ce n'est pas forcément guérir.</p><p>On peut "
                                "encore avoir des symptômes.</p><p>Et avoir quand même une vie "
                                "qui nous plaît.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Voici ce qui aide souvent :</p><ul><li>avoir des personnes "
                                "proches,</li><li>avoir de l'espoir,</li><li>être vu comme une "
                                "personne, pas comme une maladie,</li><li>avoir des "
                                "projets,</li><li>faire ses propres choix.</li></ul>"
                            ),
                        ),
                        (
                            "key_points",
                            {
                                "title": "À retenir",
                                "points": [
                                    "Chaque personne a son propre chemin.",
                                    "Il y a des hauts et des bas.",
                                    "Un moment difficile n'est pas un échec.",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        ("heading", "What is recovery?"),
                        (
                            "paragraph",
                            (
                                "<p>Recovery means <b>getting better in your own "
                                "way</b>.</p><p>It does not always mean being cured.</p><p>You "
                                "may still have symptoms.</p><p>And still have a life you "
                                "like.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Here is what often helps:</p><ul><li>having people close "
                                "to you,</li><li>having hope,</li><li>being seen as a person, "
                                "not as an illness,</li><li>having plans,</li><li>making your "
                                "own choices.</li></ul>"
                            ),
                        ),
                        (
                            "key_points",
                            {
                                "title": "Remember",
                                "points": [
                                    "Each person has their own path.",
                                    "There are ups and downs.",
                                    "A hard time is not a failure.",
                                ],
                            },
                        ),
                    ],
                },
            },
            {
                "slug": {
                    "fr": "du-vecu-au-savoir-experientiel",
                    "en": "from-lived-experience-to-experiential-knowledge",
                },
                "title": {
                    "fr": "Du vécu au savoir expérientiel",
                    "en": "From lived experience to experiential knowledge",
                },
                "estimated_minutes": 12,
                "body": {
                    "fr": [
                        ("heading", "Ce que l'expérience vous a appris"),
                        (
                            "paragraph",
                            (
                                "<p>Le <b>vécu</b>, c'est ce qui vous est arrivé : une "
                                "hospitalisation, un traitement, une période de crise, la "
                                "honte ou la solitude, mais aussi ce qui vous a aidé·e à vous "
                                "relever. Le <b>savoir expérientiel</b>, c'est ce que vous "
                                "avez appris de ce vécu, et que vous pouvez "
                                "transmettre.</p><p>Passer de l'un à l'autre demande un "
                                "travail. Il faut prendre du recul, mettre des mots, comparer "
                                "avec l'expérience d'autres personnes. Petit à petit, « ce qui "
                                "m'est arrivé » devient « ce que j'ai compris, et qui peut "
                                "servir à d'autres ».</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Quelques exemples de savoirs expérientiels "
                                ":</p><ul><li>reconnaître ses propres signes d'alerte avant "
                                "une rechute : dormir moins, s'isoler, dépenser beaucoup… "
                                ";</li><li>savoir préparer un rendez-vous médical pour se "
                                "faire entendre, par exemple en notant ses questions à "
                                "l'avance ;</li><li>connaître des astuces du quotidien pour "
                                "vivre avec la fatigue ;</li><li>savoir ce que l'on ressent en "
                                "attendant aux urgences, et ce qui aurait aidé à ce moment-là "
                                ";</li><li>savoir parler de ses troubles à son entourage, ou "
                                "choisir de ne pas le faire.</li></ul>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Ce savoir ne remplace pas celui des soignant·e·s, et il ne "
                                "s'y oppose pas non plus. Il est <b>complémentaire</b> : le ou "
                                "la psychiatre connaît la maladie, vous connaissez la vie avec "
                                "la maladie. Les deux sont utiles. C'est le sens de la devise "
                                "du mouvement des personnes concernées : « rien pour nous sans "
                                "nous ».</p>"
                            ),
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "Au début, je racontais toute mon histoire, du début à la "
                                    "fin. Avec la formation et les groupes d'analyse de "
                                    "pratiques, j'ai appris à choisir le petit morceau de mon "
                                    "expérience qui peut aider la personne en face de moi. "
                                    "C'est là que mon vécu est devenu un savoir."
                                ),
                                "attribution": "Un pair-aidant bénévole dans un GEM",
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "À retenir",
                                "points": [
                                    "Le vécu, c'est ce qui vous est arrivé.",
                                    "Le savoir expérientiel, c'est ce que vous en avez appris.",
                                    (
                                        "Il se construit en prenant du recul et en échangeant "
                                        "avec d'autres."
                                    ),
                                    (
                                        "Il complète le savoir des professionnel·le·s, il ne "
                                        "le remplace pas."
                                    ),
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Choisissez un savoir que vous avez tiré de votre "
                                    "expérience. Comment pourriez-vous l'expliquer, en deux ou "
                                    "trois phrases, à quelqu'un qui traverse une situation "
                                    "proche ?"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        ("heading", "What experience has taught you"),
                        (
                            "paragraph",
                            (
                                "<p><b>Lived experience</b> is what happened to you: a stay in "
                                "hospital, a treatment, a crisis, shame or loneliness, but "
                                "also what helped you get back on your feet. <b>Experiential "
                                "knowledge</b> is what you have learned from that experience, "
                                "and can pass on.</p><p>Getting from one to the other takes "
                                "work. You need to step back, put things into words, and "
                                "compare with other people's experience. Little by little, "
                                "“what happened to me” becomes “what I have understood, and "
                                "what can help others”.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>A few examples of experiential "
                                "knowledge:</p><ul><li>recognising your own warning signs "
                                "before a relapse: sleeping less, withdrawing, spending a "
                                "lot…;</li><li>knowing how to prepare a medical appointment so "
                                "that you are heard, for example by writing your questions "
                                "down beforehand;</li><li>knowing everyday tips for living "
                                "with fatigue;</li><li>knowing what it feels like to wait in "
                                "the emergency department, and what would have helped at that "
                                "moment;</li><li>knowing how to talk about your difficulties "
                                "with the people around you, or choosing not to.</li></ul>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>This knowledge does not replace that of care "
                                "professionals, and it does not stand against it either. It is "
                                "<b>complementary</b>: the psychiatrist knows the illness, you "
                                "know life with the illness. Both are useful. This is the "
                                "meaning of the motto of the movement of people with lived "
                                "experience: “nothing about us without us”.</p>"
                            ),
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "At first, I used to tell my whole story, from beginning "
                                    "to end. With training and practice-analysis groups, I "
                                    "learned to choose the small piece of my experience that "
                                    "can help the person in front of me. That is when my lived "
                                    "experience became knowledge."
                                ),
                                "attribution": (
                                    "A volunteer peer supporter in a GEM (mutual-aid group)"
                                ),
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "Lived experience is what happened to you.",
                                    "Experiential knowledge is what you learned from it.",
                                    "It grows when you step back and talk with others.",
                                    (
                                        "It complements professional knowledge; it does not "
                                        "replace it."
                                    ),
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Choose one thing your experience has taught you. How "
                                    "could you explain it, in two or three sentences, to "
                                    "someone going through something similar?"
                                ),
                            },
                        ),
                    ],
                },
                "easy_read": {
                    "fr": [
                        ("heading", "Votre expérience est un savoir"),
                        (
                            "paragraph",
                            (
                                "<p>Le <b>vécu</b>, c'est ce qui vous est arrivé.</p><p>Par "
                                "exemple : un séjour à l'hôpital, ou un moment très "
                                "dur.</p><p>Le <b>savoir expérientiel</b>, c'est ce que vous "
                                "avez appris.</p><p>Par exemple : vous savez voir quand vous "
                                "commencez à aller moins bien.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Ce savoir peut aider d'autres personnes.</p><p>Les "
                                "médecins connaissent la maladie.</p><p>Vous connaissez la vie "
                                "avec la maladie.</p><p>Les deux savoirs sont utiles.</p>"
                            ),
                        ),
                        (
                            "key_points",
                            {
                                "title": "À retenir",
                                "points": [
                                    "Votre expérience a de la valeur.",
                                    "Pour la partager, il faut prendre du recul.",
                                    "On en parle avec d'autres pour apprendre ensemble.",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        ("heading", "Your experience is knowledge"),
                        (
                            "paragraph",
                            (
                                "<p><b>Lived experience</b> is what happened to you.</p><p>For "
                                "example: a stay in hospital, or a very hard "
                                "time.</p><p><b>Experiential knowledge</b> is what you "
                                "learned.</p><p>For example: you can tell when you are "
                                "starting to feel worse.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>This knowledge can help other people.</p><p>Doctors know "
                                "about the illness.</p><p>You know about life with the "
                                "illness.</p><p>Both kinds of knowledge are useful.</p>"
                            ),
                        ),
                        (
                            "key_points",
                            {
                                "title": "Remember",
                                "points": [
                                    "Your experience has value.",
                                    "To share it, you need to step back.",
                                    "You talk about it with others to learn together.",
                                ],
                            },
                        ),
                    ],
                },
            },
            {
                "slug": {
                    "fr": "porter-l-espoir-sans-imposer-son-chemin",
                    "en": "carrying-hope-without-imposing-your-path",
                },
                "title": {
                    "fr": "Porter l'espoir sans imposer son chemin",
                    "en": "Carrying hope without imposing your path",
                },
                "estimated_minutes": 12,
                "body": {
                    "fr": [
                        ("heading", "Votre chemin n'est pas un modèle"),
                        (
                            "paragraph",
                            (
                                "<p>En tant que pair-aidant·e, vous êtes souvent la preuve "
                                "vivante que le rétablissement est possible. C'est une force : "
                                "rencontrer quelqu'un qui « est passé par là » et qui va mieux "
                                "redonne de l'espoir.</p><p>Mais ce qui vous a aidé·e n'aidera "
                                "pas forcément l'autre. Un traitement, une activité, une façon "
                                "de parler de ses troubles : tout cela est personnel. Le "
                                "risque serait de dire « fais comme moi ». Votre rôle est "
                                "plutôt d'ouvrir des possibles, puis de laisser la personne "
                                "choisir.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Au quotidien, quelques façons de faire :</p><ul><li>parler "
                                "à la première personne : « Moi, ce qui m'a aidé, c'est… » "
                                "plutôt que « Il faut… » ;</li><li>demander à la personne ce "
                                "qui compte pour elle, et ce qu'elle a déjà essayé "
                                ";</li><li>respecter son rythme, même si vous pensez qu'elle « "
                                "pourrait aller plus vite » ;</li><li>vous souvenir que "
                                "l'entraide va dans les deux sens : vous aussi, vous apprenez "
                                "de l'autre.</li></ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>Avant de partager un morceau de votre histoire, une "
                                    "question simple aide : <b>« À qui cela va-t-il servir ? À "
                                    "la personne, ou à moi ? »</b></p>"
                                ),
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "À retenir",
                                "points": [
                                    "Votre exemple peut redonner de l'espoir.",
                                    "Ce qui vous a aidé·e n'est pas une recette pour l'autre.",
                                    (
                                        "Parler à la première personne laisse à l'autre la "
                                        "liberté de choisir."
                                    ),
                                    "L'entraide est réciproque : chacun·e aide et est aidé·e.",
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Repensez à une fois où quelqu'un vous a donné un conseil "
                                    "« pour votre bien ». Qu'avez-vous ressenti ? Qu'est-ce "
                                    "que cela vous apprend pour votre façon d'accompagner ?"
                                ),
                            },
                        ),
                        (
                            "quiz",
                            {
                                "title": "Petit quiz : le rétablissement",
                                "introduction": (
                                    "Ce quiz sert à vérifier ce que vous avez retenu, pour "
                                    "vous. Vous pouvez le refaire autant de fois que vous le "
                                    "souhaitez, rien n'est retenu contre vous. Après chaque "
                                    "essai, chaque réponse est expliquée."
                                ),
                                "questions": [
                                    {
                                        "kind": "single",
                                        "question": (
                                            "Dans ce module, que veut dire « rétablissement » ?"
                                        ),
                                        "options": [
                                            {
                                                "text": "Ne plus avoir aucun symptôme.",
                                                "is_correct": False,
                                                "explanation": (
                                                    "C'est le sens médical du mot. Le "
                                                    "rétablissement personnel peut exister "
                                                    "même quand des symptômes sont encore là."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Retrouver une vie qui a du sens pour soi, "
                                                    "avec ou sans symptômes."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Oui. C'est un chemin personnel, qui "
                                                    "dépend aussi des liens, des projets et du "
                                                    "pouvoir d'agir."
                                                ),
                                            },
                                            {
                                                "text": "Avoir arrêté tout traitement.",
                                                "is_correct": False,
                                                "explanation": (
                                                    "Non. Le rétablissement ne dépend pas de "
                                                    "l'arrêt d'un traitement. Ce choix se fait "
                                                    "entre la personne et son médecin."
                                                ),
                                            },
                                            {
                                                "text": "Revenir exactement à la vie d'avant.",
                                                "is_correct": False,
                                                "explanation": (
                                                    "Pas forcément. Beaucoup de personnes "
                                                    "construisent une vie différente, parfois "
                                                    "plus proche de ce qui compte vraiment "
                                                    "pour elles."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "true_false",
                                        "question": (
                                            "Une rechute veut dire que le rétablissement a échoué."
                                        ),
                                        "options": [
                                            {
                                                "text": "Vrai",
                                                "is_correct": False,
                                                "explanation": (
                                                    "Ce n'est pas le cas. Le rétablissement "
                                                    "n'est pas une ligne droite : les rechutes "
                                                    "et les pauses en font souvent partie."
                                                ),
                                            },
                                            {
                                                "text": "Faux",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Exactement. Une période difficile "
                                                    "n'efface pas le chemin déjà parcouru."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "multiple",
                                        "question": (
                                            "Qu'est-ce qui aide à transformer un vécu en "
                                            "savoir expérientiel ? (plusieurs réponses "
                                            "possibles)"
                                        ),
                                        "options": [
                                            {
                                                "text": "Prendre du recul sur ce qui s'est passé.",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Oui. Le recul permet de voir ce qui, dans "
                                                    "votre histoire, peut servir à d'autres."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Échanger avec d'autres personnes concernées."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Oui. Comparer les expériences aide à "
                                                    "distinguer ce qui est propre à vous de ce "
                                                    "qui est partagé."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Raconter toute son histoire à chaque "
                                                    "rencontre."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "Pas vraiment. Un savoir expérientiel, "
                                                    "c'est souvent un petit morceau choisi de "
                                                    "votre histoire, utile pour la personne en "
                                                    "face."
                                                ),
                                            },
                                            {
                                                "text": "Mettre des mots sur ce qu'on a appris.",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Oui. Mettre des mots, par exemple en "
                                                    "formation ou en analyse de pratiques, "
                                                    "rend le savoir transmissible."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "single",
                                        "question": (
                                            "Une adhérente vous demande ce qu'elle devrait "
                                            "faire pour aller mieux. Quelle réponse respecte "
                                            "le mieux son chemin ?"
                                        ),
                                        "options": [
                                            {
                                                "text": (
                                                    "« Fais comme moi : arrête de voir tes "
                                                    "anciens amis. »"
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "Ce qui vous a aidé·e n'est pas forcément "
                                                    "bon pour elle. Une consigne lui retire "
                                                    "son pouvoir de choisir."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "« Moi, ce qui m'a aidé, c'est de marcher "
                                                    "tous les jours. Et toi, qu'est-ce qui t'a "
                                                    "déjà fait du bien ? »"
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Oui. Vous partagez à la première "
                                                    "personne, puis vous lui redonnez la "
                                                    "parole."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "« Tu devrais changer de traitement, le "
                                                    "mien marche bien. »"
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "Non. Un traitement est personnel et se "
                                                    "décide avec un médecin. Vous pouvez "
                                                    "l'encourager à en parler avec son médecin."
                                                ),
                                            },
                                        ],
                                    },
                                ],
                            },
                        ),
                    ],
                    "en": [
                        ("heading", "Your path is not a model"),
                        (
                            "paragraph",
                            (
                                "<p>As a peer supporter, you are often living proof that "
                                "recovery is possible. That is a strength: meeting someone who "
                                "“has been there” and is doing better gives hope.</p><p>But "
                                "what helped you will not necessarily help someone else. A "
                                "treatment, an activity, a way of talking about your "
                                "difficulties: all of this is personal. The risk would be to "
                                "say “do what I did”. Your role is rather to open up "
                                "possibilities, then let the person choose.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>In everyday practice, a few ways of doing "
                                "this:</p><ul><li>speak in the first person: “What helped me "
                                "was…” rather than “You should…”;</li><li>ask the person what "
                                "matters to them, and what they have already "
                                "tried;</li><li>respect their pace, even if you think they "
                                "“could go faster”;</li><li>remember that mutual aid goes both "
                                "ways: you learn from the other person too.</li></ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>Before sharing a piece of your story, one simple "
                                    "question helps: <b>“Who will this help? The person, or "
                                    "me?”</b></p>"
                                ),
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "Your example can bring hope.",
                                    "What helped you is not a recipe for someone else.",
                                    (
                                        "Speaking in the first person leaves the other person "
                                        "free to choose."
                                    ),
                                    "Mutual aid is reciprocal: everyone helps and is helped.",
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Think back to a time when someone gave you advice “for "
                                    "your own good”. How did you feel? What does it teach you "
                                    "about the way you support others?"
                                ),
                            },
                        ),
                        (
                            "quiz",
                            {
                                "title": "Short quiz: recovery",
                                "introduction": (
                                    "This quiz is for you, to check what you remember. You can "
                                    "take it as many times as you like, and nothing is held "
                                    "against you. After each attempt, every answer is "
                                    "explained."
                                ),
                                "questions": [
                                    {
                                        "kind": "single",
                                        "question": "In this module, what does “recovery” mean?",
                                        "options": [
                                            {
                                                "text": "Having no symptoms at all.",
                                                "is_correct": False,
                                                "explanation": (
                                                    "That is the medical meaning of the word. "
                                                    "Personal recovery can happen even when "
                                                    "some symptoms are still there."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Finding a life that is meaningful to you "
                                                    "again, with or without symptoms."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Yes. It is a personal journey, which also "
                                                    "depends on relationships, projects and "
                                                    "empowerment."
                                                ),
                                            },
                                            {
                                                "text": "Having stopped all treatment.",
                                                "is_correct": False,
                                                "explanation": (
                                                    "No. Recovery does not depend on stopping "
                                                    "a treatment. That choice is made between "
                                                    "the person and their doctor."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Going back to exactly the life you had before."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "Not necessarily. Many people build a "
                                                    "different life, sometimes closer to what "
                                                    "really matters to them."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "true_false",
                                        "question": "A relapse means that recovery has failed.",
                                        "options": [
                                            {
                                                "text": "True",
                                                "is_correct": False,
                                                "explanation": (
                                                    "That is not the case. Recovery is not a "
                                                    "straight line: relapses and pauses are "
                                                    "often part of it."
                                                ),
                                            },
                                            {
                                                "text": "False",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Exactly. A hard time does not erase the "
                                                    "road already travelled."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "multiple",
                                        "question": (
                                            "What helps turn lived experience into "
                                            "experiential knowledge? (more than one answer)"
                                        ),
                                        "options": [
                                            {
                                                "text": "Stepping back from what happened.",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Yes. Stepping back lets you see which "
                                                    "parts of your story can be useful to "
                                                    "others."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Talking with other people with lived "
                                                    "experience."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Yes. Comparing experiences helps you tell "
                                                    "what is yours alone from what is shared."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Telling your whole story at every meeting."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "Not really. Experiential knowledge is "
                                                    "often a small, chosen piece of your story "
                                                    "that is useful to the person in front of "
                                                    "you."
                                                ),
                                            },
                                            {
                                                "text": "Putting into words what you have learned.",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Yes. Putting it into words, for example "
                                                    "in training or in practice analysis, "
                                                    "makes the knowledge something you can "
                                                    "pass on."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "single",
                                        "question": (
                                            "A member asks you what she should do to feel "
                                            "better. Which answer best respects her path?"
                                        ),
                                        "options": [
                                            {
                                                "text": (
                                                    "“Do what I did: stop seeing your old friends.”"
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "What helped you is not necessarily good "
                                                    "for her. An instruction takes away her "
                                                    "power to choose."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "“What helped me was walking every day. "
                                                    "What about you, what has done you good "
                                                    "before?”"
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Yes. You share in the first person, then "
                                                    "hand the conversation back to her."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "“You should change your treatment, mine "
                                                    "works well.”"
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "No. A treatment is personal and is "
                                                    "decided with a doctor. You can encourage "
                                                    "her to talk about it with her doctor."
                                                ),
                                            },
                                        ],
                                    },
                                ],
                            },
                        ),
                    ],
                },
                "easy_read": {
                    "fr": [
                        ("heading", "Donner de l'espoir"),
                        (
                            "paragraph",
                            (
                                "<p>Vous allez mieux.</p><p>Cela donne de l'espoir aux "
                                "autres.</p><p>Mais ce qui vous a aidé n'aidera pas forcément "
                                "l'autre personne.</p><p>Chaque personne choisit son "
                                "chemin.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Vous pouvez dire : <b>« Moi, ce qui m'a aidé, c'est… "
                                "»</b></p><p>Puis vous demandez : <b>« Et toi, qu'est-ce qui "
                                "t'aide ? »</b></p><p>Vous ne dites pas : « Tu dois faire "
                                "comme moi. »</p>"
                            ),
                        ),
                        (
                            "key_points",
                            {
                                "title": "À retenir",
                                "points": [
                                    "Votre histoire peut donner de l'espoir.",
                                    "L'autre personne fait ses propres choix.",
                                    "On s'aide dans les deux sens.",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        ("heading", "Giving hope"),
                        (
                            "paragraph",
                            (
                                "<p>You are doing better.</p><p>This gives other people "
                                "hope.</p><p>But what helped you may not help the other "
                                "person.</p><p>Each person chooses their own path.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>You can say: <b>“What helped me was…”</b></p><p>Then you "
                                "ask: <b>“What helps you?”</b></p><p>You do not say: “You must "
                                "do what I did.”</p>"
                            ),
                        ),
                        (
                            "key_points",
                            {
                                "title": "Remember",
                                "points": [
                                    "Your story can give hope.",
                                    "The other person makes their own choices.",
                                    "Help goes both ways.",
                                ],
                            },
                        ),
                    ],
                },
            },
        ],
    },
    {
        "key": "peer_role",
        "slug": {
            "fr": "role-de-pair-aidant-missions-et-limites",
            "en": "peer-role-scope-and-limits",
        },
        "title": {
            "fr": "Le rôle de pair-aidant : missions et limites",
            "en": "The peer role: scope and limits",
        },
        "theme": "role",
        "duration_minutes": 37,
        "summary": {
            "fr": (
                "<p>Que fait un·e pair-aidant·e, et que ne fait-il ou elle pas ? Ce module "
                "décrit les missions les plus courantes, les limites qui protègent chacun·e, "
                "et les moments où il vaut mieux orienter vers d'autres personnes. Connaître "
                "son cadre, ce n'est pas se sentir moins utile : c'est ce qui permet d'aider "
                "dans la durée.</p>"
            ),
            "en": (
                "<p>What does a peer supporter do, and what do they not do? This module "
                "describes the most common tasks, the limits that protect everyone, and the "
                "moments when it is better to refer the person to someone else. Knowing your "
                "boundaries does not make you less useful: it is what lets you help over "
                "time.</p>"
            ),
        },
        "objectives": {
            "fr": [
                "Décrire les principales missions d'un·e pair-aidant·e.",
                "Nommer ce qui ne fait pas partie du rôle, et pourquoi.",
                "Repérer les situations où il faut orienter vers quelqu'un d'autre.",
                "Orienter une personne sans la laisser tomber.",
            ],
            "en": [
                "Describe the main tasks of a peer supporter.",
                "Name what is not part of the role, and why.",
                "Spot the situations where the person needs someone else.",
                "Refer someone on without dropping them.",
            ],
        },
        "audience": {
            "fr": (
                "Les pair-aidant·e·s, bénévoles ou salarié·e·s, qui ont suivi le module sur le "
                "rétablissement."
            ),
            "en": "Peer supporters, volunteer or paid, who have completed the module on recovery.",
        },
        "content_note": {
            "fr": "",
            "en": "",
        },
        "easy_read_summary": {
            "fr": (
                "<p>Ce module parle du rôle de <b>pair-aidant</b>.</p><p>Une personne "
                "pair-aidante a vécu des troubles psychiques.</p><p>Elle aide d'autres "
                "personnes grâce à son expérience.</p><p>Il y a des choses qu'elle ne fait "
                "pas.</p><p>Par exemple : elle ne donne pas de conseil sur les "
                "médicaments.</p><p>Parfois, il faut demander l'aide d'un professionnel.</p>"
            ),
            "en": (
                "<p>This module is about the role of a <b>peer supporter</b>.</p><p>A peer "
                "supporter has lived with mental health difficulties.</p><p>They help other "
                "people thanks to their experience.</p><p>There are things they do not "
                "do.</p><p>For example: they do not give advice about "
                "medicines.</p><p>Sometimes, you need to ask a professional for help.</p>"
            ),
        },
        "prerequisites": [
            "recovery",
        ],
        "pass_mark": 70,
        "max_quiz_attempts": None,
        "issues_certificate": True,
        "lessons": [
            {
                "slug": {
                    "fr": "ce-que-fait-un-pair-aidant",
                    "en": "what-a-peer-supporter-does",
                },
                "title": {
                    "fr": "Ce que fait un·e pair-aidant·e",
                    "en": "What a peer supporter does",
                },
                "estimated_minutes": 12,
                "body": {
                    "fr": [
                        ("heading", "Une place à part"),
                        (
                            "paragraph",
                            (
                                "<p>Un·e pair-aidant·e est une personne qui a vécu des "
                                "troubles psychiques et qui s'appuie sur cette expérience pour "
                                "soutenir d'autres personnes. Vous n'êtes ni soignant·e, ni "
                                "travailleur·se social·e, ni ami·e au sens habituel. Votre "
                                "place est différente : vous êtes <b>un·e pair</b>, quelqu'un "
                                "qui sait « de l'intérieur ».</p><p>Dans une association ou "
                                "dans un GEM (groupe d'entraide mutuelle, un lieu animé par et "
                                "pour des personnes concernées), ce rôle prend des formes "
                                "variées. Beaucoup de pair-aidant·e·s sont bénévoles. D'autres "
                                "sont salarié·e·s, par exemple comme médiateur·rice·s de santé "
                                "pair·e·s dans des services de soin.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Les missions les plus courantes "
                                ":</p><ul><li><b>écouter</b> sans juger, en prenant le temps "
                                ";</li><li><b>partager son vécu</b> avec une intention claire, "
                                "quand cela peut aider ;</li><li><b>redonner de l'espoir</b> : "
                                "montrer qu'on peut bien vivre avec des troubles psychiques "
                                ";</li><li><b>informer et orienter</b> vers les bonnes "
                                "ressources : soins, droits, activités "
                                ";</li><li><b>accompagner</b> : aller ensemble à une activité "
                                "ou à un premier rendez-vous, si la personne le souhaite "
                                ";</li><li><b>animer</b> des groupes d'entraide ou des "
                                "activités collectives ;</li><li><b>porter la parole</b> des "
                                "personnes concernées auprès des institutions.</li></ul>"
                            ),
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "Ce qui a tout changé pour moi, c'est une pair-aidante qui "
                                    "m'a dit : « Moi aussi, je suis passée par l'hôpital, et "
                                    "aujourd'hui je travaille. » Personne ne m'avait jamais "
                                    "dit ça. Ce n'était pas un conseil. C'était une porte qui "
                                    "s'ouvrait."
                                ),
                                "attribution": "Un adhérent de GEM, devenu pair-aidant",
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "À retenir",
                                "points": [
                                    "Vous soutenez les autres à partir de votre expérience vécue.",
                                    (
                                        "Vous n'êtes ni soignant·e, ni ami·e au sens habituel "
                                        ": vous êtes un·e pair."
                                    ),
                                    (
                                        "Écouter, partager, informer, accompagner et animer "
                                        "sont des missions courantes."
                                    ),
                                    (
                                        "Vos missions précises dépendent de votre association "
                                        "et de sa charte."
                                    ),
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Parmi ces missions, lesquelles vous attirent le plus ? Y "
                                    "en a-t-il une qui vous inquiète un peu ? Pourquoi ?"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        ("heading", "A place of its own"),
                        (
                            "paragraph",
                            (
                                "<p>A peer supporter is someone who has lived with mental "
                                "health difficulties and draws on that experience to support "
                                "other people. You are not a care professional, nor a social "
                                "worker, nor a friend in the usual sense. Your place is "
                                "different: you are <b>a peer</b>, someone who knows “from the "
                                "inside”.</p><p>In an association or in a GEM (groupe "
                                "d'entraide mutuelle, a mutual-aid group run by and for people "
                                "with lived experience), this role takes many forms. Many peer "
                                "supporters are volunteers. Others are paid, for example as "
                                "peer health mediators in care services.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>The most common tasks:</p><ul><li><b>listening</b> without "
                                "judging, taking your time;</li><li><b>sharing your "
                                "experience</b> with a clear purpose, when it can "
                                "help;</li><li><b>bringing hope</b>: showing that it is "
                                "possible to live well with mental health "
                                "difficulties;</li><li><b>informing and signposting</b> to the "
                                "right resources: care, rights, activities;</li><li><b>going "
                                "along with someone</b> to an activity or a first appointment, "
                                "if they wish;</li><li><b>facilitating</b> mutual-aid groups "
                                "or group activities;</li><li><b>speaking up</b> for people "
                                "with lived experience with institutions.</li></ul>"
                            ),
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "What changed everything for me was a peer supporter who "
                                    "told me: “I have been in hospital too, and today I have a "
                                    "job.” Nobody had ever told me that. It was not advice. It "
                                    "was a door opening."
                                ),
                                "attribution": "A GEM member who became a peer supporter",
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "You support others on the basis of your lived experience.",
                                    (
                                        "You are not a care professional, nor a friend in the "
                                        "usual sense: you are a peer."
                                    ),
                                    (
                                        "Listening, sharing, informing, going along with "
                                        "people and facilitating are common tasks."
                                    ),
                                    "Your exact tasks depend on your association and its charter.",
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Which of these tasks appeal to you most? Is there one "
                                    "that worries you a little? Why?"
                                ),
                            },
                        ),
                    ],
                },
            },
            {
                "slug": {
                    "fr": "les-limites-du-role",
                    "en": "the-limits-of-the-role",
                },
                "title": {
                    "fr": "Les limites du rôle",
                    "en": "The limits of the role",
                },
                "estimated_minutes": 12,
                "body": {
                    "fr": [
                        ("heading", "Ce que vous ne faites pas, et pourquoi"),
                        (
                            "paragraph",
                            (
                                "<p>Connaître les limites de son rôle, ce n'est pas être moins "
                                "utile. Ces limites protègent la personne accompagnée, et "
                                "elles vous protègent aussi. Un·e pair-aidant·e "
                                ":</p><ul><li><b>ne pose pas de diagnostic</b> : il ou elle ne "
                                "dit pas « tu es bipolaire, comme moi » ;</li><li><b>ne "
                                "conseille pas sur les traitements</b> : ni pour en commencer, "
                                "ni pour en arrêter, ni pour changer une dose. Vous pouvez en "
                                "revanche encourager la personne à en parler à son médecin "
                                ";</li><li><b>ne fait pas de thérapie</b>, même si l'écoute "
                                "fait du bien ;</li><li><b>n'est pas disponible jour et "
                                "nuit</b> : vous avez le droit d'avoir des horaires "
                                ";</li><li><b>ne prête pas d'argent</b> et évite les échanges "
                                "qui créent une dette ;</li><li><b>ne promet pas un secret "
                                "absolu</b> : quand une vie est en danger, il faut "
                                "alerter.</li></ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "information",
                                "text": (
                                    "<p>Ces limites peuvent varier un peu d'une association à "
                                    "l'autre. Reportez-vous à la <b>charte</b> de votre "
                                    "structure, et parlez-en avec votre coordinateur·rice ou "
                                    "votre superviseur·e en cas de doute.</p>"
                                ),
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Quand on a beaucoup souffert, on a parfois envie "
                                "d'épargner cette souffrance aux autres à tout prix. On répond "
                                "au téléphone à minuit, on fait les démarches à la place de la "
                                "personne, on se sent responsable de tout. On appelle parfois "
                                "cela la posture du « sauveur ».</p><p>Cette posture épuise la "
                                "personne qui aide. Elle empêche aussi la personne aidée de "
                                "reprendre du pouvoir sur sa vie. Faire <i>avec</i> elle "
                                "plutôt qu'<i>à sa place</i>, c'est respecter son "
                                "rétablissement.</p>"
                            ),
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "J'avais donné mon numéro personnel à un adhérent. Il "
                                    "m'appelait tous les soirs. Je n'osais pas dire non, et je "
                                    "ne dormais plus. En supervision, on m'a aidée à poser un "
                                    "cadre : des horaires, et le numéro de l'association. "
                                    "Notre relation est devenue plus sereine, pour lui comme "
                                    "pour moi."
                                ),
                                "attribution": "Une pair-aidante bénévole",
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "À retenir",
                                "points": [
                                    (
                                        "Pas de diagnostic, pas de conseil sur les "
                                        "traitements, pas de thérapie."
                                    ),
                                    "Vous avez le droit d'avoir des horaires et de dire non.",
                                    "Faire avec la personne, pas à sa place.",
                                    (
                                        "En cas de doute, parlez-en à votre coordinateur·rice "
                                        "ou en supervision."
                                    ),
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Vous est-il déjà arrivé d'avoir du mal à poser une limite "
                                    "? Qu'est-ce qui vous aurait aidé·e à ce moment-là ?"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        ("heading", "What you don't do, and why"),
                        (
                            "paragraph",
                            (
                                "<p>Knowing the limits of your role does not make you less "
                                "useful. These limits protect the person you support, and they "
                                "protect you too. A peer supporter:</p><ul><li><b>does not "
                                "diagnose</b>: they do not say “you're bipolar, like "
                                "me”;</li><li><b>does not give advice on treatment</b>: not to "
                                "start one, not to stop one, not to change a dose. You can, "
                                "however, encourage the person to talk about it with their "
                                "doctor;</li><li><b>does not do therapy</b>, even though being "
                                "listened to feels good;</li><li><b>is not available day and "
                                "night</b>: you are allowed to have set hours;</li><li><b>does "
                                "not lend money</b> and avoids exchanges that create a "
                                "debt;</li><li><b>does not promise absolute secrecy</b>: when "
                                "a life is in danger, you must raise the alarm.</li></ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "information",
                                "text": (
                                    "<p>These limits can vary a little from one association to "
                                    "another. Check your organisation's <b>charter</b>, and "
                                    "talk with your coordinator or supervisor if in doubt.</p>"
                                ),
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<p>When you have suffered a lot, you sometimes want to spare "
                                "others that suffering at all costs. You answer the phone at "
                                "midnight, you do the paperwork for the person, you feel "
                                "responsible for everything. This is sometimes called the "
                                "“rescuer” position.</p><p>This position wears out the person "
                                "who helps. It also stops the person being helped from taking "
                                "back control of their life. Doing things <i>with</i> them "
                                "rather than <i>for</i> them respects their recovery.</p>"
                            ),
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "I had given my personal number to a member. He called me "
                                    "every evening. I didn't dare say no, and I had stopped "
                                    "sleeping. In supervision, I got help to set a frame: set "
                                    "hours, and the association's phone number. Our "
                                    "relationship became calmer, for him as well as for me."
                                ),
                                "attribution": "A volunteer peer supporter",
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "No diagnosis, no advice on treatment, no therapy.",
                                    "You are allowed to have set hours and to say no.",
                                    "Do things with the person, not for them.",
                                    "If in doubt, talk with your coordinator or in supervision.",
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Have you ever found it hard to set a limit? What would "
                                    "have helped you at that moment?"
                                ),
                            },
                        ),
                    ],
                },
            },
            {
                "slug": {
                    "fr": "quand-votre-temoignage-ne-suffit-plus",
                    "en": "when-your-experience-is-not-enough",
                },
                "title": {
                    "fr": "Quand votre témoignage ne suffit plus",
                    "en": "When your experience is not enough",
                },
                "estimated_minutes": 13,
                "body": {
                    "fr": [
                        ("heading", "Trouver la bonne porte, ensemble"),
                        (
                            "paragraph",
                            (
                                "<p>Votre expérience est précieuse, mais elle ne répond pas à "
                                "tout. Certaines situations demandent d'autres compétences : "
                                "celles d'un·e médecin, d'un·e assistant·e social·e, d'un·e "
                                "juriste, d'une équipe de soin. <b>Orienter, ce n'est pas "
                                "abandonner la personne.</b> C'est l'aider à trouver la bonne "
                                "porte, et souvent continuer à marcher à côté "
                                "d'elle.</p><p>Quelques signaux qui invitent à orienter "
                                ":</p><ul><li>la personne pose des questions sur son "
                                "traitement ou sur sa santé physique ;</li><li>sa situation se "
                                "dégrade depuis plusieurs semaines, malgré votre soutien "
                                ";</li><li>elle a un problème de droits, de logement, d'argent "
                                "ou de justice ;</li><li>vous vous sentez dépassé·e, inquiet·e "
                                "ou trop touché·e par son histoire ;</li><li>elle parle de "
                                "mettre fin à ses jours ou de se faire du mal : là, il faut "
                                "agir sans attendre (voir le module « Crise, risque "
                                "suicidaire, passage de relais »).</li></ul>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Pour bien orienter :</p><ol><li>Parlez-en avec la personne "
                                ": « Je crois que quelqu'un d'autre pourrait mieux t'aider sur "
                                "ce point. Qu'en penses-tu ? »</li><li>Proposez des ressources "
                                "concrètes : son médecin traitant, le CMP (centre "
                                "médico-psychologique, un lieu public de consultation en santé "
                                "mentale), un·e assistant·e social·e, un point d'accès aux "
                                "droits.</li><li>Si elle le souhaite, aidez-la à préparer le "
                                "premier contact, ou accompagnez-la.</li><li>Si la situation "
                                "vous inquiète, parlez-en à votre coordinateur·rice, sans "
                                "donner plus de détails que nécessaire.</li></ol>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>Orienter, ce n'est pas « se débarrasser » de "
                                    "quelqu'un. Vous pouvez dire : <b>« Je reste là. Et en "
                                    "plus, je pense que cette personne pourrait t'aider. "
                                    "»</b></p>"
                                ),
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "À retenir",
                                "points": [
                                    "Votre témoignage a des limites, et c'est normal.",
                                    "Orienter, c'est aider la personne à trouver la bonne porte.",
                                    "Décidez avec la personne, sauf si sa vie est en danger.",
                                    (
                                        "Vous pouvez continuer à l'accompagner pendant et "
                                        "après le relais."
                                    ),
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Vers quelles ressources près de chez vous pourriez-vous "
                                    "orienter quelqu'un ? Lesquelles aimeriez-vous mieux "
                                    "connaître ?"
                                ),
                            },
                        ),
                        (
                            "quiz",
                            {
                                "title": "Petit quiz : missions et limites",
                                "introduction": (
                                    "Ce quiz sert à vérifier ce que vous avez retenu, pour "
                                    "vous. Vous pouvez le refaire autant de fois que vous le "
                                    "souhaitez, rien n'est retenu contre vous. Après chaque "
                                    "essai, chaque réponse est expliquée."
                                ),
                                "questions": [
                                    {
                                        "kind": "single",
                                        "question": (
                                            "Un adhérent vous dit qu'il veut arrêter son "
                                            "traitement parce qu'il se sent mieux. Que "
                                            "faites-vous ?"
                                        ),
                                        "options": [
                                            {
                                                "text": (
                                                    "Vous lui dites que c'est une bonne idée, "
                                                    "puisqu'il va mieux."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "Conseiller sur un traitement ne fait pas "
                                                    "partie de votre rôle. Arrêter d'un coup "
                                                    "peut aussi présenter des risques : c'est "
                                                    "à voir avec son médecin."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Vous l'écoutez, vous partagez votre "
                                                    "expérience si c'est utile, et vous "
                                                    "l'encouragez à en parler avec son médecin."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Oui. Vous respectez sa parole et "
                                                    "l'orientez vers la personne qui peut "
                                                    "l'accompagner dans cette décision."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Vous lui dites qu'il n'a pas le droit "
                                                    "d'arrêter."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "Ce serait un ordre. La décision lui "
                                                    "appartient : votre rôle est d'écouter et "
                                                    "d'orienter, pas d'interdire."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "true_false",
                                        "question": (
                                            "Pour être vraiment utile, un·e pair-aidant·e doit "
                                            "être joignable à toute heure."
                                        ),
                                        "options": [
                                            {
                                                "text": "Vrai",
                                                "is_correct": False,
                                                "explanation": (
                                                    "Non. Être disponible jour et nuit épuise, "
                                                    "et ce n'est pas votre rôle. Un cadre "
                                                    "clair protège la relation."
                                                ),
                                            },
                                            {
                                                "text": "Faux",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Exactement. Vous avez le droit d'avoir "
                                                    "des horaires. Pour les urgences, il "
                                                    "existe des numéros dédiés, comme le 3114 "
                                                    "ou le 15."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "multiple",
                                        "question": (
                                            "Parmi ces situations, lesquelles invitent à "
                                            "orienter vers quelqu'un d'autre ? (plusieurs "
                                            "réponses possibles)"
                                        ),
                                        "options": [
                                            {
                                                "text": (
                                                    "Une personne a des questions sur les "
                                                    "effets de son traitement."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Oui. Ces questions concernent son médecin "
                                                    "ou son pharmacien."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Une personne a besoin d'aide pour un "
                                                    "dossier de logement."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Oui. Un·e assistant·e social·e ou un "
                                                    "point d'accès aux droits sera mieux "
                                                    "placé·e."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Une personne veut raconter sa journée "
                                                    "difficile pendant l'atelier."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "Ici, votre écoute de pair est tout à fait "
                                                    "adaptée."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Vous vous sentez dépassé·e par ce que vit "
                                                    "la personne."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Oui. Votre ressenti est un signal "
                                                    "important. Parlez-en à votre "
                                                    "coordinateur·rice ou en supervision."
                                                ),
                                            },
                                        ],
                                    },
                                ],
                            },
                        ),
                    ],
                    "en": [
                        ("heading", "Finding the right door, together"),
                        (
                            "paragraph",
                            (
                                "<p>Your experience is precious, but it cannot answer "
                                "everything. Some situations need other skills: those of a "
                                "doctor, a social worker, a legal adviser, a care team. "
                                "<b>Referring someone on is not abandoning them.</b> It is "
                                "helping them find the right door, and often carrying on "
                                "walking beside them.</p><p>A few signals that it is time to "
                                "refer on:</p><ul><li>the person asks questions about their "
                                "treatment or their physical health;</li><li>their situation "
                                "has been getting worse for several weeks, despite your "
                                "support;</li><li>they have a problem with their rights, "
                                "housing, money or the law;</li><li>you feel overwhelmed, "
                                "worried, or too affected by their story;</li><li>they talk "
                                "about ending their life or hurting themselves: then you must "
                                "act straight away (see the module “Crisis, suicide risk, "
                                "handing over”).</li></ul>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>How to refer someone on well:</p><ol><li>Talk about it "
                                "with the person: “I think someone else could help you better "
                                "with this. What do you think?”</li><li>Suggest concrete "
                                "resources: their GP, the CMP (centre médico-psychologique, a "
                                "public mental-health clinic), a social worker, a legal advice "
                                "service.</li><li>If they wish, help them prepare the first "
                                "contact, or go with them.</li><li>If the situation worries "
                                "you, talk to your coordinator, without giving more details "
                                "than needed.</li></ol>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>Referring someone on is not “getting rid of” them. You "
                                    "can say: <b>“I'm still here. And as well as me, I think "
                                    "this person could help you.”</b></p>"
                                ),
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "Your experience has limits, and that is normal.",
                                    "Referring on means helping the person find the right door.",
                                    (
                                        "Decide together with the person, unless their life is "
                                        "in danger."
                                    ),
                                    "You can keep supporting them during and after the hand-over.",
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Which resources near you could you refer someone to? "
                                    "Which ones would you like to know better?"
                                ),
                            },
                        ),
                        (
                            "quiz",
                            {
                                "title": "Short quiz: scope and limits",
                                "introduction": (
                                    "This quiz is for you, to check what you remember. You can "
                                    "take it as many times as you like, and nothing is held "
                                    "against you. After each attempt, every answer is "
                                    "explained."
                                ),
                                "questions": [
                                    {
                                        "kind": "single",
                                        "question": (
                                            "A member tells you he wants to stop his treatment "
                                            "because he feels better. What do you do?"
                                        ),
                                        "options": [
                                            {
                                                "text": (
                                                    "You tell him it's a good idea, since he "
                                                    "is feeling better."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "Giving advice on treatment is not part of "
                                                    "your role. Stopping suddenly can also "
                                                    "carry risks: this is something to discuss "
                                                    "with his doctor."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "You listen, share your experience if it "
                                                    "helps, and encourage him to talk about it "
                                                    "with his doctor."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Yes. You respect what he says and point "
                                                    "him to the person who can support him in "
                                                    "this decision."
                                                ),
                                            },
                                            {
                                                "text": "You tell him he is not allowed to stop.",
                                                "is_correct": False,
                                                "explanation": (
                                                    "That would be an order. The decision is "
                                                    "his: your role is to listen and refer, "
                                                    "not to forbid."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "true_false",
                                        "question": (
                                            "To be truly useful, a peer supporter must be "
                                            "reachable at any time."
                                        ),
                                        "options": [
                                            {
                                                "text": "True",
                                                "is_correct": False,
                                                "explanation": (
                                                    "No. Being available day and night wears "
                                                    "you out, and it is not your role. A clear "
                                                    "frame protects the relationship."
                                                ),
                                            },
                                            {
                                                "text": "False",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Exactly. You are allowed to have set "
                                                    "hours. For emergencies, there are "
                                                    "dedicated numbers, such as 3114 or 15."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "multiple",
                                        "question": (
                                            "Which of these situations call for referring the "
                                            "person to someone else? (more than one answer)"
                                        ),
                                        "options": [
                                            {
                                                "text": (
                                                    "A person has questions about the effects "
                                                    "of their treatment."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Yes. These questions are for their doctor "
                                                    "or pharmacist."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "A person needs help with a housing "
                                                    "application."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Yes. A social worker or a rights advice "
                                                    "service will be better placed."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "A person wants to talk about their hard "
                                                    "day during the workshop."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "Here, your listening as a peer is exactly "
                                                    "right."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "You feel overwhelmed by what the person "
                                                    "is going through."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Yes. Your feelings are an important "
                                                    "signal. Talk to your coordinator or bring "
                                                    "it to supervision."
                                                ),
                                            },
                                        ],
                                    },
                                ],
                            },
                        ),
                    ],
                },
            },
        ],
    },
    {
        "key": "confidentiality",
        "slug": {
            "fr": "confidentialite-et-ecrits",
            "en": "confidentiality-and-writing-about-others",
        },
        "title": {
            "fr": "Confidentialité et écrits",
            "en": "Confidentiality and writing about others",
        },
        "theme": "ethics",
        "duration_minutes": 35,
        "summary": {
            "fr": (
                "<p>Ce qu'une personne vous confie lui appartient. Ce module explique pourquoi "
                "la confidentialité est au cœur de la pair-aidance, et comment écrire sur une "
                "situation sans que personne ne puisse être reconnu. Il vous prépare aussi à "
                "rédiger vos analyses de pratique sur Entrepairs en toute sécurité.</p>"
            ),
            "en": (
                "<p>What someone confides in you belongs to them. This module explains why "
                "confidentiality is at the heart of peer support, and how to write about a "
                "situation without anyone being recognisable. It also prepares you to write "
                "your reflective entries on Entrepairs safely.</p>"
            ),
        },
        "objectives": {
            "fr": [
                "Expliquer pourquoi la confidentialité protège la confiance.",
                "Repérer les informations qui permettent de reconnaître quelqu'un.",
                "Décrire une situation en nommant les personnes par leur rôle.",
                "Rédiger une analyse de pratique sans détail identifiant.",
            ],
            "en": [
                "Explain why confidentiality protects trust.",
                "Spot the information that makes someone recognisable.",
                "Describe a situation by naming people by their role.",
                "Write a reflective entry with no identifying details.",
            ],
        },
        "audience": {
            "fr": (
                "Toutes les personnes qui accompagnent, animent ou écrivent au sein de "
                "l'association, dès leurs débuts."
            ),
            "en": (
                "Everyone who supports, facilitates or writes within the association, from "
                "their very first day."
            ),
        },
        "content_note": {
            "fr": "",
            "en": "",
        },
        "easy_read_summary": {
            "fr": (
                "<p>Ce module parle de la <b>confidentialité</b>.</p><p>La confidentialité, "
                "c'est garder pour soi ce que les autres nous confient.</p><p>Quand vous "
                "écrivez, vous ne mettez jamais le nom des personnes.</p><p>Vous écrivez par "
                "exemple « un adhérent » ou « une proche ».</p><p>Vous écrivez le mois, pas le "
                "jour.</p>"
            ),
            "en": (
                "<p>This module is about <b>confidentiality</b>.</p><p>Confidentiality means "
                "keeping to yourself what other people tell you.</p><p>When you write, you "
                "never put people's names.</p><p>For example, you write “a member” or “a "
                "relative”.</p><p>You write the month, not the day.</p>"
            ),
        },
        "prerequisites": [],
        "pass_mark": 70,
        "max_quiz_attempts": None,
        "issues_certificate": True,
        "lessons": [
            {
                "slug": {
                    "fr": "pourquoi-la-confidentialite-compte",
                    "en": "why-confidentiality-matters",
                },
                "title": {
                    "fr": "Pourquoi la confidentialité compte",
                    "en": "Why confidentiality matters",
                },
                "estimated_minutes": 10,
                "body": {
                    "fr": [
                        ("heading", "La confiance avant tout"),
                        (
                            "paragraph",
                            (
                                "<p>Quand une personne vous confie ce qu'elle vit, elle vous "
                                "fait confiance. Les troubles psychiques suscitent encore "
                                "beaucoup de préjugés : une information qui circule peut "
                                "coûter un emploi, un logement, une relation. Dans un GEM ou "
                                "dans une petite ville, tout le monde se connaît vite. Un "
                                "détail suffit parfois pour reconnaître quelqu'un.</p><p>La "
                                "confidentialité n'est donc pas une formalité. C'est ce qui "
                                "permet à chacun·e de parler librement. C'est aussi une marque "
                                "de respect.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>La loi va dans le même sens. Toute information sur la "
                                "santé mentale d'une personne est une <b>donnée de santé</b>. "
                                "Le RGPD (règlement général sur la protection des données, la "
                                "loi européenne sur les données personnelles) la range parmi "
                                "les données « sensibles », protégées plus strictement que les "
                                "autres. En pratique, une règle simple : <b>moins on écrit sur "
                                "les autres, mieux on les protège</b>.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "information",
                                "text": (
                                    "<p>Dans l'association, la règle est : <b>ce qui se dit "
                                    "ici reste ici</b>. Elle vaut pour les groupes d'entraide, "
                                    "l'analyse de pratiques et les échanges en tête-à-tête. "
                                    "Une seule exception : quand la vie ou la sécurité de "
                                    "quelqu'un est gravement en danger. Alerter, alors, n'est "
                                    "pas trahir. C'est pourquoi on ne promet jamais un secret "
                                    "absolu.</p>"
                                ),
                            },
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "Dans notre groupe, on commence chaque séance en rappelant "
                                    "la règle : ce qui se dit ici reste ici. Ça prend trente "
                                    "secondes. Et je vois les épaules des nouveaux se détendre."
                                ),
                                "attribution": "Un animateur de groupe d'entraide",
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "À retenir",
                                "points": [
                                    "Une confidence est une marque de confiance.",
                                    (
                                        "Les informations sur la santé mentale sont des "
                                        "données sensibles."
                                    ),
                                    "Ce qui se dit ici reste ici, sauf danger grave.",
                                    "Ne promettez jamais un secret absolu.",
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Avez-vous déjà vécu qu'une information sur vous circule "
                                    "sans votre accord ? Ou, au contraire, vous êtes-vous "
                                    "senti·e protégé·e par la discrétion de quelqu'un ? Qu'en "
                                    "retenez-vous pour votre pratique ?"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        ("heading", "Trust comes first"),
                        (
                            "paragraph",
                            (
                                "<p>When someone tells you what they are going through, they "
                                "are trusting you. Mental health difficulties still attract a "
                                "lot of prejudice: information that gets around can cost "
                                "someone a job, a home, a relationship. In a GEM or a small "
                                "town, everyone soon knows everyone. Sometimes a single detail "
                                "is enough to recognise someone.</p><p>So confidentiality is "
                                "not a formality. It is what lets everyone speak freely. It is "
                                "also a sign of respect.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>The law points the same way. Any information about a "
                                "person's mental health is <b>health data</b>. The GDPR "
                                "(General Data Protection Regulation, the European law on "
                                "personal data) counts it among “sensitive” data, which is "
                                "protected more strictly than other data. In practice, one "
                                "simple rule: <b>the less you write about others, the better "
                                "you protect them</b>.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "information",
                                "text": (
                                    "<p>In the association, the rule is: <b>what is said here "
                                    "stays here</b>. It applies to mutual-aid groups, practice "
                                    "analysis and one-to-one conversations. There is only one "
                                    "exception: when someone's life or safety is in serious "
                                    "danger. Raising the alarm then is not a betrayal. That is "
                                    "why you never promise absolute secrecy.</p>"
                                ),
                            },
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "In our group, we start every session by reminding "
                                    "everyone of the rule: what is said here stays here. It "
                                    "takes thirty seconds. And I can see the newcomers' "
                                    "shoulders relax."
                                ),
                                "attribution": "A mutual-aid group facilitator",
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "Being confided in is a sign of trust.",
                                    "Information about mental health is sensitive data.",
                                    "What is said here stays here, except in serious danger.",
                                    "Never promise absolute secrecy.",
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Has information about you ever got around without your "
                                    "consent? Or, on the contrary, have you felt protected by "
                                    "someone's discretion? What do you take from this for your "
                                    "practice?"
                                ),
                            },
                        ),
                    ],
                },
            },
            {
                "slug": {
                    "fr": "ecrire-sans-identifier-personne",
                    "en": "writing-without-identifying-anyone",
                },
                "title": {
                    "fr": "Écrire sans identifier personne",
                    "en": "Writing without identifying anyone",
                },
                "estimated_minutes": 13,
                "body": {
                    "fr": [
                        ("heading", "Ce qu'on n'écrit jamais"),
                        (
                            "paragraph",
                            (
                                "<p>Dans vos écrits (analyse de pratique, compte rendu "
                                "d'atelier, message à un·e collègue), il vous arrivera de "
                                "parler d'autres personnes. Voici ce qu'on <b>n'écrit "
                                "jamais</b> :</p><ul><li>les noms et les prénoms, ni même les "
                                "<b>initiales</b> ;</li><li>les dates de naissance "
                                ";</li><li>les adresses, les numéros de téléphone, les "
                                "adresses e-mail ;</li><li>le nom de l'employeur ou de "
                                "l'établissement fréquenté ;</li><li>le numéro de sécurité "
                                "sociale ;</li><li>un diagnostic ou un traitement rare, qui "
                                "suffirait à reconnaître quelqu'un ;</li><li>les dates et les "
                                "lieux précis.</li></ul>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>À la place, on <b>nomme les personnes par leur rôle</b> : "
                                "« un adhérent », « une proche », « une nouvelle participante "
                                "», « un soignant ». Pour le temps, on garde <b>le mois, pas "
                                "le jour</b> : « en mars » plutôt que « le mardi 12 mars ». "
                                "Pour les lieux, on reste général : « pendant un atelier du "
                                "GEM », « au téléphone ».</p><p>Pourquoi tant de précautions ? "
                                "Parce que c'est l'addition de petits détails qui permet de "
                                "reconnaître quelqu'un. Des initiales, plus un jour, plus le "
                                "nom d'un atelier : dans un petit groupe, tout le monde saura "
                                "de qui on parle.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p><b>Avant :</b> « Le mardi 12 mars, M. D., 34 ans, qui "
                                    "travaille au supermarché du quartier, m'a appelée sur mon "
                                    "portable. »</p><p><b>Après :</b> « En mars, un adhérent "
                                    "m'a appelée sur mon téléphone personnel. »</p><p>Ce qui "
                                    "compte pour votre réflexion est toujours là. La personne, "
                                    "elle, est protégée.</p>"
                                ),
                            },
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "Au début, j'écrivais les prénoms, parce que c'était plus "
                                    "simple pour m'y retrouver. Puis je me suis imaginé à la "
                                    "place de la personne, en train de lire ça. Depuis, "
                                    "j'écris « un adhérent ». Et franchement, je m'y retrouve "
                                    "très bien."
                                ),
                                "attribution": "Un pair-aidant dans un GEM en zone rurale",
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "À retenir",
                                "points": [
                                    (
                                        "Pas de nom, pas d'initiales, pas de date de "
                                        "naissance, pas d'adresse, pas de téléphone."
                                    ),
                                    (
                                        "Nommez les personnes par leur rôle : « un adhérent », "
                                        "« une proche »."
                                    ),
                                    "Écrivez le mois, pas le jour.",
                                    (
                                        "Ce sont les petits détails mis ensemble qui "
                                        "permettent de reconnaître quelqu'un."
                                    ),
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Pensez à une situation récente que vous aimeriez "
                                    "raconter. Comment la décririez-vous en deux phrases, sans "
                                    "aucun détail qui permette de reconnaître la personne ?"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        ("heading", "What you never write down"),
                        (
                            "paragraph",
                            (
                                "<p>In your writing (reflective entries, workshop notes, "
                                "messages to a colleague), you will sometimes talk about other "
                                "people. Here is what you <b>never write "
                                "down</b>:</p><ul><li>first names or surnames, not even "
                                "<b>initials</b>;</li><li>dates of birth;</li><li>addresses, "
                                "phone numbers, e-mail addresses;</li><li>the name of the "
                                "person's employer or of a place they attend;</li><li>social "
                                "security numbers;</li><li>a rare diagnosis or treatment that "
                                "would be enough to recognise someone;</li><li>precise dates "
                                "and places.</li></ul>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Instead, <b>name people by their role</b>: “a member”, “a "
                                "relative”, “a new participant”, “a care worker”. For time, "
                                "keep <b>the month, not the day</b>: “in March” rather than "
                                "“on Tuesday 12 March”. For places, stay general: “during a "
                                "GEM workshop”, “on the phone”.</p><p>Why so much care? "
                                "Because it is small details added together that make someone "
                                "recognisable. Initials, plus a day, plus the name of a "
                                "workshop: in a small group, everyone will know who you "
                                "mean.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p><b>Before:</b> “On Tuesday 12 March, Mr D., aged 34, "
                                    "who works at the local supermarket, called me on my "
                                    "mobile.”</p><p><b>After:</b> “In March, a member called "
                                    "me on my personal phone.”</p><p>What matters for your "
                                    "reflection is still there. The person is protected.</p>"
                                ),
                            },
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "At first I wrote first names, because it was easier for "
                                    "me to keep track. Then I imagined being the person "
                                    "reading it. Since then, I write “a member”. And honestly, "
                                    "I keep track just fine."
                                ),
                                "attribution": "A peer supporter in a rural GEM",
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    (
                                        "No names, no initials, no date of birth, no address, "
                                        "no phone number."
                                    ),
                                    "Name people by their role: “a member”, “a relative”.",
                                    "Write the month, not the day.",
                                    (
                                        "It is small details put together that make someone "
                                        "recognisable."
                                    ),
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Think of a recent situation you would like to describe. "
                                    "How would you put it in two sentences, with no detail "
                                    "that could identify the person?"
                                ),
                            },
                        ),
                    ],
                },
            },
            {
                "slug": {
                    "fr": "rediger-une-analyse-de-pratique-en-securite",
                    "en": "writing-a-reflective-entry-safely",
                },
                "title": {
                    "fr": "Rédiger une analyse de pratique en toute sécurité",
                    "en": "Writing a reflective entry safely",
                },
                "estimated_minutes": 12,
                "body": {
                    "fr": [
                        ("heading", "Un écrit pour apprendre de sa pratique"),
                        (
                            "paragraph",
                            (
                                "<p>Sur Entrepairs, vous pouvez rédiger une <b>analyse de "
                                "pratique</b> : un texte court sur une situation vécue dans "
                                "votre rôle de pair-aidant·e. Elle suit six étapes, inspirées "
                                "du « cycle de Gibbs » : ce qui s'est passé, ce que vous avez "
                                "ressenti, ce qui a bien ou moins bien marché, ce que vous en "
                                "comprenez, ce que vous en concluez, et ce que vous ferez la "
                                "prochaine fois.</p><p>Ce texte sert à <b>apprendre de votre "
                                "pratique</b>, pas à raconter la vie de quelqu'un. C'est votre "
                                "regard qui compte : vos réactions, vos questions, vos "
                                "doutes.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Qui lit votre analyse ? Vous, et le ou la superviseur·e "
                                "qui vous accompagne. Les coordinateur·rice·s et les "
                                "administrateur·rice·s de la plateforme ne peuvent pas la "
                                "lire. Vous pouvez la garder en brouillon aussi longtemps que "
                                "vous le souhaitez, et la retirer tant qu'elle n'est pas "
                                "validée.</p><p>Dans le formulaire, on vous demande le "
                                "<b>mois</b> de la situation, jamais le jour. Avant l'envoi, "
                                "vous faites une courte <b>vérification d'anonymisation</b>. "
                                "La plateforme vous aide aussi : elle signale ce qui ressemble "
                                "à un nom, à une date précise, à un numéro de téléphone ou à "
                                "une adresse e-mail. C'est une aide, pas une garantie : votre "
                                "relecture reste essentielle.</p><p>Et si un point est trop "
                                "sensible pour être écrit, cochez « J'aimerais en parler » : "
                                "vous en discuterez de vive voix avec votre superviseur·e, "
                                "sans rien laisser par écrit.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>Pour vous relire, mettez-vous à la place de la "
                                    "personne dont vous parlez. <b>Si elle lisait ce texte, "
                                    "pourrait-elle se reconnaître ? Quelqu'un d'autre "
                                    "pourrait-il la reconnaître ?</b> Si oui, enlevez ou "
                                    "généralisez le détail en question.</p>"
                                ),
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "À retenir",
                                "points": [
                                    "L'analyse de pratique parle de vous et de votre pratique.",
                                    "Seul·e·s vous et votre superviseur·e pouvez la lire.",
                                    "Indiquez le mois de la situation, jamais le jour.",
                                    (
                                        "L'outil de repérage aide, mais votre relecture reste "
                                        "essentielle."
                                    ),
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Quelle situation récente aimeriez-vous analyser ? Quelle "
                                    "question aimeriez-vous poser à votre superviseur·e à son "
                                    "sujet ?"
                                ),
                            },
                        ),
                        (
                            "quiz",
                            {
                                "title": "Petit quiz : confidentialité et écrits",
                                "introduction": (
                                    "Ce quiz sert à vérifier ce que vous avez retenu, pour "
                                    "vous. Vous pouvez le refaire autant de fois que vous le "
                                    "souhaitez, rien n'est retenu contre vous. Après chaque "
                                    "essai, chaque réponse est expliquée."
                                ),
                                "questions": [
                                    {
                                        "kind": "single",
                                        "question": (
                                            "Laquelle de ces phrases peut figurer dans une "
                                            "analyse de pratique ?"
                                        ),
                                        "options": [
                                            {
                                                "text": "« Le 3 juin, S. m'a parlé de son fils. »",
                                                "is_correct": False,
                                                "explanation": (
                                                    "Une initiale et une date précise "
                                                    "suffisent souvent à reconnaître quelqu'un "
                                                    "dans un petit groupe."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "« En juin, une adhérente m'a parlé de ses "
                                                    "difficultés avec un proche. »"
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Oui : un rôle au lieu d'un nom, le mois "
                                                    "au lieu du jour, et aucun détail "
                                                    "identifiant."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "« Une adhérente qui habite rue des Lilas "
                                                    "m'a appelé. »"
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "Une adresse, même partielle, peut "
                                                    "permettre de retrouver la personne."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "« Un adhérent né le 5 mai 1980 m'a confié "
                                                    "qu'il allait mal. »"
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "La date de naissance identifie une "
                                                    "personne. Elle n'a pas sa place dans vos "
                                                    "écrits."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "true_false",
                                        "question": (
                                            "Écrire seulement les initiales d'une personne "
                                            "suffit à la protéger."
                                        ),
                                        "options": [
                                            {
                                                "text": "Vrai",
                                                "is_correct": False,
                                                "explanation": (
                                                    "Non. Dans un petit groupe, des initiales "
                                                    "suffisent souvent à reconnaître "
                                                    "quelqu'un, surtout avec d'autres détails."
                                                ),
                                            },
                                            {
                                                "text": "Faux",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Exactement. On nomme les personnes par "
                                                    "leur rôle : « un adhérent », « une proche "
                                                    "»."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "multiple",
                                        "question": (
                                            "Qui peut lire votre analyse de pratique sur "
                                            "Entrepairs ? (plusieurs réponses possibles)"
                                        ),
                                        "options": [
                                            {
                                                "text": "Vous-même.",
                                                "is_correct": True,
                                                "explanation": "Oui, c'est votre texte.",
                                            },
                                            {
                                                "text": (
                                                    "Le ou la superviseur·e qui vous accompagne."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Oui. Il ou elle la relit pour vous aider "
                                                    "à apprendre de votre pratique."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Le ou la coordinateur·rice de l'association."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "Non. Les coordinateur·rice·s ne peuvent "
                                                    "pas lire les analyses de pratique : c'est "
                                                    "une protection de la confidentialité."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Tous les membres de votre groupe "
                                                    "d'analyse de pratiques."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "Non. Vous pouvez choisir d'en parler en "
                                                    "séance, mais votre texte n'est pas "
                                                    "partagé avec le groupe."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "single",
                                        "question": (
                                            "Une situation vous semble trop sensible pour être "
                                            "écrite. Que pouvez-vous faire ?"
                                        ),
                                        "options": [
                                            {
                                                "text": (
                                                    "L'écrire quand même en détail, puisque le "
                                                    "texte est confidentiel."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "Même dans un texte confidentiel, on écrit "
                                                    "le moins possible sur les autres. Il "
                                                    "existe une autre solution."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Cocher « J'aimerais en parler » et en "
                                                    "discuter de vive voix avec votre "
                                                    "superviseur·e."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Oui. Ainsi, vous êtes soutenu·e sans que "
                                                    "les détails soient écrits."
                                                ),
                                            },
                                            {
                                                "text": "Ne jamais en parler à personne.",
                                                "is_correct": False,
                                                "explanation": (
                                                    "Garder seul·e une situation lourde peut "
                                                    "peser. La supervision et l'analyse de "
                                                    "pratiques sont là pour cela."
                                                ),
                                            },
                                        ],
                                    },
                                ],
                            },
                        ),
                    ],
                    "en": [
                        ("heading", "Writing to learn from your practice"),
                        (
                            "paragraph",
                            (
                                "<p>On Entrepairs, you can write a <b>reflective entry</b>: a "
                                "short text about a situation you experienced in your role as "
                                "a peer supporter. It follows six steps, based on the “Gibbs "
                                "cycle”: what happened, what you felt, what went well or less "
                                "well, what you make of it, what you conclude, and what you "
                                "will do next time.</p><p>This text is for <b>learning from "
                                "your practice</b>, not for telling someone's life story. Your "
                                "point of view is what counts: your reactions, your questions, "
                                "your doubts.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Who reads your entry? You, and the supervisor who supports "
                                "you. Coordinators and platform administrators cannot read it. "
                                "You can keep it as a draft for as long as you like, and "
                                "withdraw it as long as it has not been validated.</p><p>The "
                                "form asks for the <b>month</b> of the situation, never the "
                                "day. Before you submit, you go through a short "
                                "<b>anonymisation check</b>. The platform helps too: it flags "
                                "anything that looks like a name, a precise date, a phone "
                                "number or an e-mail address. It is a help, not a guarantee: "
                                "your own re-reading is still essential.</p><p>And if "
                                "something is too sensitive to write down, tick “I would like "
                                "to talk about it”: you will discuss it in person with your "
                                "supervisor, without leaving anything in writing.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>When you re-read, put yourself in the shoes of the "
                                    "person you are writing about. <b>If they read this text, "
                                    "could they recognise themselves? Could someone else "
                                    "recognise them?</b> If so, remove or generalise that "
                                    "detail.</p>"
                                ),
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "A reflective entry is about you and your practice.",
                                    "Only you and your supervisor can read it.",
                                    "Give the month of the situation, never the day.",
                                    (
                                        "The detection tool helps, but your own re-reading is "
                                        "still essential."
                                    ),
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Which recent situation would you like to reflect on? What "
                                    "question would you like to ask your supervisor about it?"
                                ),
                            },
                        ),
                        (
                            "quiz",
                            {
                                "title": "Short quiz: confidentiality and writing",
                                "introduction": (
                                    "This quiz is for you, to check what you remember. You can "
                                    "take it as many times as you like, and nothing is held "
                                    "against you. After each attempt, every answer is "
                                    "explained."
                                ),
                                "questions": [
                                    {
                                        "kind": "single",
                                        "question": (
                                            "Which of these sentences can go into a reflective "
                                            "entry?"
                                        ),
                                        "options": [
                                            {
                                                "text": "“On 3 June, S. told me about their son.”",
                                                "is_correct": False,
                                                "explanation": (
                                                    "An initial and a precise date are often "
                                                    "enough to recognise someone in a small "
                                                    "group."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "“In June, a member told me about her "
                                                    "difficulties with a relative.”"
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Yes: a role instead of a name, the month "
                                                    "instead of the day, and no identifying "
                                                    "detail."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "“A member who lives on Lilac Street "
                                                    "called me.”"
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "An address, even a partial one, can make "
                                                    "it possible to find the person."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "“A member born on 5 May 1980 told me he "
                                                    "was not doing well.”"
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "A date of birth identifies a person. It "
                                                    "has no place in your writing."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "true_false",
                                        "question": (
                                            "Writing only a person's initials is enough to "
                                            "protect them."
                                        ),
                                        "options": [
                                            {
                                                "text": "True",
                                                "is_correct": False,
                                                "explanation": (
                                                    "No. In a small group, initials are often "
                                                    "enough to recognise someone, especially "
                                                    "together with other details."
                                                ),
                                            },
                                            {
                                                "text": "False",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Exactly. Name people by their role: “a "
                                                    "member”, “a relative”."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "multiple",
                                        "question": (
                                            "Who can read your reflective entry on Entrepairs? "
                                            "(more than one answer)"
                                        ),
                                        "options": [
                                            {
                                                "text": "You.",
                                                "is_correct": True,
                                                "explanation": "Yes, it is your text.",
                                            },
                                            {
                                                "text": "The supervisor who supports you.",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Yes. They read it to help you learn from "
                                                    "your practice."
                                                ),
                                            },
                                            {
                                                "text": "The association's coordinator.",
                                                "is_correct": False,
                                                "explanation": (
                                                    "No. Coordinators cannot read reflective "
                                                    "entries: this protects confidentiality."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "All the members of your practice-analysis "
                                                    "group."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "No. You may choose to talk about it in a "
                                                    "session, but your text is not shared with "
                                                    "the group."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "single",
                                        "question": (
                                            "A situation feels too sensitive to write down. "
                                            "What can you do?"
                                        ),
                                        "options": [
                                            {
                                                "text": (
                                                    "Write it down in detail anyway, since the "
                                                    "text is confidential."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "Even in a confidential text, you write as "
                                                    "little as possible about others. There is "
                                                    "another way."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Tick “I would like to talk about it” and "
                                                    "discuss it in person with your supervisor."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Yes. That way you get support without the "
                                                    "details being written down."
                                                ),
                                            },
                                            {
                                                "text": "Never talk about it with anyone.",
                                                "is_correct": False,
                                                "explanation": (
                                                    "Carrying a heavy situation alone can "
                                                    "weigh on you. Supervision and practice "
                                                    "analysis are there for this."
                                                ),
                                            },
                                        ],
                                    },
                                ],
                            },
                        ),
                    ],
                },
            },
        ],
    },
    {
        "key": "crisis",
        "slug": {
            "fr": "crise-risque-suicidaire-passage-de-relais",
            "en": "crisis-suicide-risk-handing-over",
        },
        "title": {
            "fr": "Crise, risque suicidaire, passage de relais",
            "en": "Crisis, suicide risk, handing over",
        },
        "theme": "crisis",
        "duration_minutes": 40,
        "summary": {
            "fr": (
                "<p>Que faire quand une personne que vous accompagnez va très mal, ou parle de "
                "mourir ? Ce module vous aide à rester présent·e, à parler du suicide sans "
                "tabou et à passer le relais aux bons interlocuteurs. Il rappelle aussi "
                "l'essentiel : vous n'êtes pas seul·e, et ce n'est pas à vous d'évaluer le "
                "risque.</p>"
            ),
            "en": (
                "<p>What can you do when someone you support is in deep distress, or talks "
                "about dying? This module helps you stay present, talk about suicide openly "
                "and hand over to the right people. It also reminds you of what matters most: "
                "you are not alone, and it is not up to you to assess the risk.</p>"
            ),
        },
        "objectives": {
            "fr": [
                "Reconnaître une situation de crise et y rester présent·e.",
                "Poser directement la question du suicide, avec des mots simples.",
                "Savoir qui appeler : 3114, 15 ou 112.",
                "Prendre soin de vous après une situation de crise.",
            ],
            "en": [
                "Recognise a crisis and stay present with the person.",
                "Ask directly about suicide, in simple words.",
                "Know who to call: 3114, 15 or 112.",
                "Look after yourself after a crisis situation.",
            ],
        },
        "audience": {
            "fr": (
                "Les pair-aidant·e·s qui ont suivi le module sur le rôle de pair-aidant et qui "
                "accompagnent des personnes en difficulté."
            ),
            "en": (
                "Peer supporters who have completed the module on the peer role and who "
                "support people going through hard times."
            ),
        },
        "content_note": {
            "fr": (
                "Ce module parle de crise psychique, d'idées suicidaires et de suicide. Ces "
                "sujets peuvent réveiller des souvenirs ou des émotions difficiles. Vous "
                "pouvez faire des pauses, passer une partie et y revenir plus tard, ou suivre "
                "ce module avec une personne de confiance. Si vous avez vous-même des idées "
                "suicidaires, vous pouvez appeler le 3114 : c'est gratuit, 24 h/24 et 7 j/7. "
                "En cas de danger immédiat, appelez le 15 ou le 112."
            ),
            "en": (
                "This module talks about mental health crises, suicidal thoughts and suicide. "
                "These topics can bring back difficult memories or feelings. You can take "
                "breaks, skip a part and come back to it later, or go through this module with "
                "someone you trust. If you are having suicidal thoughts yourself, you can call "
                "3114: it is free, 24 hours a day, 7 days a week. In immediate danger, call 15 "
                "or 112."
            ),
        },
        "easy_read_summary": {
            "fr": (
                "<p>Ce module parle des moments de <b>crise</b> et du "
                "<b>suicide</b>.</p><p>Vous n'avez pas à tout gérer.</p><p>Vous écoutez la "
                "personne.</p><p>Vous restez avec elle.</p><p>Vous appelez de l'aide.</p><p>Le "
                "<b>3114</b> : pour parler du suicide. C'est gratuit, le jour et la "
                "nuit.</p><p>Le <b>15</b> ou le <b>112</b> : s'il y a un danger tout de "
                "suite.</p><p>Après, vous parlez de ce que vous avez vécu.</p>"
            ),
            "en": (
                "<p>This module is about times of <b>crisis</b> and about "
                "<b>suicide</b>.</p><p>You do not have to handle everything.</p><p>You listen "
                "to the person.</p><p>You stay with them.</p><p>You call for "
                "help.</p><p><b>3114</b>: to talk about suicide. It is free, day and "
                "night.</p><p><b>15</b> or <b>112</b>: if there is danger right "
                "now.</p><p>Afterwards, you talk about what you went through.</p>"
            ),
        },
        "prerequisites": [
            "peer_role",
        ],
        "pass_mark": 70,
        "max_quiz_attempts": None,
        "issues_certificate": True,
        "lessons": [
            {
                "slug": {
                    "fr": "reconnaitre-une-crise-et-rester-present",
                    "en": "recognising-a-crisis-and-staying-present",
                },
                "title": {
                    "fr": "Reconnaître une crise et rester présent·e",
                    "en": "Recognising a crisis and staying present",
                },
                "estimated_minutes": 12,
                "body": {
                    "fr": [
                        (
                            "callout",
                            {
                                "kind": "content_note",
                                "text": (
                                    "<p>Cette leçon parle de détresse psychique intense. "
                                    "Prenez votre temps. Vous pouvez faire une pause à tout "
                                    "moment et revenir plus tard.</p>"
                                ),
                            },
                        ),
                        ("heading", "Qu'est-ce qu'une crise ?"),
                        (
                            "paragraph",
                            (
                                "<p>Une crise, c'est un moment où la souffrance dépasse les "
                                "ressources habituelles d'une personne. Elle perd ses repères, "
                                "et ses façons habituelles de faire face ne suffisent plus. "
                                "Cela peut prendre des formes très différentes : une angoisse "
                                "massive, une grande agitation, un effondrement, des propos "
                                "confus, une colère soudaine, des idées de "
                                "mort.</p><p>Beaucoup de pair-aidant·e·s ont traversé des "
                                "crises. Ce vécu aide à ne pas avoir peur, à rester calme, à "
                                "ne pas juger. Mais être témoin de la crise de quelqu'un "
                                "d'autre peut aussi réveiller vos propres souvenirs. C'est "
                                "normal, et c'est une raison de plus pour ne pas rester "
                                "seul·e.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Votre rôle de pair, dans ce moment :</p><ul><li><b>rester "
                                "présent·e</b> et calme, parler doucement, sans vous presser "
                                ";</li><li><b>écouter</b> sans juger, sans minimiser (« ce "
                                "n'est rien ») ni dramatiser ;</li><li><b>demander ce qui "
                                "aide</b> : « D'habitude, qu'est-ce qui t'aide quand ça va "
                                "comme ça ? Veux-tu qu'on appelle quelqu'un ? » "
                                ";</li><li>certaines personnes ont préparé un <b>plan de "
                                "crise</b>, avec leurs souhaits et leurs contacts : vous "
                                "pouvez lui demander si c'est son cas ;</li><li><b>ne pas "
                                "rester seul·e</b> avec la situation : prévenir un·e collègue "
                                "ou le ou la coordinateur·rice, et passer le relais si "
                                "besoin.</li></ul><p>Vous n'avez pas à poser de diagnostic, ni "
                                "à évaluer la gravité de la situation. Cela, c'est le rôle des "
                                "professionnel·le·s. Le vôtre est d'être là, et de faire le "
                                "lien.</p>"
                            ),
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "Quand j'étais en crise, je n'avais pas besoin de "
                                    "solutions. J'avais besoin que quelqu'un s'asseye à côté "
                                    "de moi et ne parte pas. Aujourd'hui, quand un adhérent va "
                                    "très mal, je me rappelle ça : d'abord, être là."
                                ),
                                "attribution": "Une pair-aidante salariée d'une association",
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "À retenir",
                                "points": [
                                    (
                                        "Une crise, c'est une souffrance qui dépasse les "
                                        "ressources habituelles."
                                    ),
                                    "Restez calme, écoutez, demandez ce qui aide.",
                                    (
                                        "Ce n'est pas à vous d'évaluer la gravité : c'est le "
                                        "rôle des professionnel·le·s."
                                    ),
                                    "Ne restez pas seul·e avec la situation.",
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Si vous le souhaitez : en repensant à un moment très "
                                    "difficile de votre vie, qu'est-ce qu'une autre personne a "
                                    "fait, ou aurait pu faire, qui vous a aidé·e ?"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        (
                            "callout",
                            {
                                "kind": "content_note",
                                "text": (
                                    "<p>This lesson talks about intense emotional distress. "
                                    "Take your time. You can pause at any moment and come back "
                                    "later.</p>"
                                ),
                            },
                        ),
                        ("heading", "What is a crisis?"),
                        (
                            "paragraph",
                            (
                                "<p>A crisis is a moment when suffering goes beyond a person's "
                                "usual resources. They lose their bearings, and their usual "
                                "ways of coping are no longer enough. It can take very "
                                "different forms: overwhelming anxiety, great agitation, "
                                "collapse, confused speech, sudden anger, thoughts of "
                                "death.</p><p>Many peer supporters have been through crises "
                                "themselves. This experience helps you not to be afraid, to "
                                "stay calm, not to judge. But witnessing someone else's crisis "
                                "can also bring back your own memories. That is normal, and it "
                                "is one more reason not to stay alone with it.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Your role as a peer, in that moment:</p><ul><li><b>stay "
                                "present</b> and calm, speak gently, without "
                                "rushing;</li><li><b>listen</b> without judging, without "
                                "playing it down (“it's nothing”) or "
                                "dramatising;</li><li><b>ask what helps</b>: “What usually "
                                "helps you when things get like this? Would you like us to "
                                "call someone?”;</li><li>some people have prepared a <b>crisis "
                                "plan</b>, with their wishes and their contacts: you can ask "
                                "whether they have one;</li><li><b>do not stay alone</b> with "
                                "the situation: let a colleague or the coordinator know, and "
                                "hand over if needed.</li></ul><p>You do not have to make a "
                                "diagnosis or assess how serious the situation is. That is the "
                                "role of professionals. Yours is to be there, and to make the "
                                "link.</p>"
                            ),
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "When I was in crisis, I didn't need solutions. I needed "
                                    "someone to sit down next to me and not leave. Today, when "
                                    "a member is in a very bad way, I remember that: first, be "
                                    "there."
                                ),
                                "attribution": "A peer supporter employed by an association",
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    (
                                        "A crisis is suffering that goes beyond a person's "
                                        "usual resources."
                                    ),
                                    "Stay calm, listen, ask what helps.",
                                    (
                                        "It is not up to you to assess how serious it is: that "
                                        "is the professionals' role."
                                    ),
                                    "Do not stay alone with the situation.",
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "If you wish: thinking back to a very hard time in your "
                                    "life, what did another person do, or what could they have "
                                    "done, that helped you?"
                                ),
                            },
                        ),
                    ],
                },
            },
            {
                "slug": {
                    "fr": "parler-du-suicide-sans-tabou",
                    "en": "talking-about-suicide-openly",
                },
                "title": {
                    "fr": "Parler du suicide sans tabou",
                    "en": "Talking about suicide openly",
                },
                "estimated_minutes": 13,
                "body": {
                    "fr": [
                        (
                            "callout",
                            {
                                "kind": "content_note",
                                "text": (
                                    "<p>Cette leçon parle directement d'idées suicidaires et "
                                    "de suicide. Si ce sujet est trop lourd pour vous "
                                    "aujourd'hui, vous pouvez y revenir plus tard. Si vous "
                                    "avez vous-même des idées suicidaires, le <b>3114</b> vous "
                                    "répond, gratuitement, 24 h/24 et 7 j/7.</p>"
                                ),
                            },
                        ),
                        ("heading", "Oser poser la question"),
                        (
                            "paragraph",
                            (
                                "<p>Beaucoup de personnes ont peur de parler du suicide, de "
                                "crainte de « donner l'idée ». C'est une idée reçue. Les "
                                "spécialistes de la prévention du suicide sont clairs : "
                                "<b>poser la question directement et calmement ne pousse pas à "
                                "passer à l'acte</b>. Au contraire, cela soulage souvent la "
                                "personne, qui se sent enfin entendue.</p><p>Vous pouvez dire "
                                "simplement : « Est-ce que tu penses au suicide ? » ou « "
                                "Est-ce que tu as envie de mourir ? ». Employer le mot « "
                                "suicide » montre que vous êtes capable d'entendre la réponse, "
                                "quelle qu'elle soit.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Certains signes doivent vous alerter, surtout s'ils sont "
                                "nouveaux ou s'ils s'additionnent :</p><ul><li>la personne "
                                "parle de mourir, de disparaître, d'être un poids pour les "
                                "autres ;</li><li>elle dit au revoir, met ses affaires en "
                                "ordre, donne des objets auxquels elle tient ;</li><li>elle "
                                "s'isole, ne vient plus aux activités ;</li><li>elle boit plus "
                                "d'alcool ou consomme plus de drogues ;</li><li>elle semble "
                                "soudain très calme après une période de grande détresse "
                                ";</li><li>elle cherche un moyen de mettre fin à ses "
                                "jours.</li></ul><p>Ces signes ne servent pas à « évaluer » le "
                                "risque : ce n'est pas votre rôle. Ils vous disent une seule "
                                "chose : <b>il est temps d'en parler et de demander de "
                                "l'aide</b>.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "information",
                                "text": (
                                    "<p>Il arrive qu'une personne dise : « Je te le dis, mais "
                                    "promets-moi de n'en parler à personne. » Quand une vie "
                                    "est en danger, <b>ne promettez pas le secret</b>. Vous "
                                    "pouvez répondre avec douceur : « Je ne peux pas te "
                                    "promettre ça, ta vie compte trop. Mais je ne ferai rien "
                                    "dans ton dos : on va chercher de l'aide ensemble. »</p>"
                                ),
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "À retenir",
                                "points": [
                                    "Parler du suicide ne donne pas l'idée : cela soulage souvent.",
                                    (
                                        "Posez la question directement : « Est-ce que tu "
                                        "penses au suicide ? »"
                                    ),
                                    (
                                        "Certains signes doivent vous alerter et vous pousser "
                                        "à demander de l'aide."
                                    ),
                                    "Ne promettez jamais le secret quand une vie est en danger.",
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Qu'est-ce qui vous semblerait le plus difficile, si vous "
                                    "deviez poser la question du suicide à quelqu'un ? Avec "
                                    "quels mots, les vôtres, pourriez-vous le faire ?"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        (
                            "callout",
                            {
                                "kind": "content_note",
                                "text": (
                                    "<p>This lesson talks directly about suicidal thoughts and "
                                    "suicide. If this topic feels too heavy for you today, you "
                                    "can come back to it later. If you are having suicidal "
                                    "thoughts yourself, <b>3114</b> will answer you, free of "
                                    "charge, 24 hours a day, 7 days a week.</p>"
                                ),
                            },
                        ),
                        ("heading", "Daring to ask the question"),
                        (
                            "paragraph",
                            (
                                "<p>Many people are afraid to talk about suicide, for fear of "
                                "“putting the idea in someone's head”. That is a myth. Suicide "
                                "prevention specialists are clear: <b>asking the question "
                                "directly and calmly does not push someone to act</b>. On the "
                                "contrary, it often brings relief: the person finally feels "
                                "heard.</p><p>You can simply say: “Are you thinking about "
                                "suicide?” or “Do you feel like you want to die?”. Using the "
                                "word “suicide” shows that you can hear the answer, whatever "
                                "it is.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Some signs should alert you, especially if they are new or "
                                "if they add up:</p><ul><li>the person talks about dying, "
                                "disappearing, being a burden to others;</li><li>they say "
                                "goodbye, put their affairs in order, give away things that "
                                "matter to them;</li><li>they withdraw, stop coming to "
                                "activities;</li><li>they drink more alcohol or use more "
                                "drugs;</li><li>they suddenly seem very calm after a period of "
                                "great distress;</li><li>they are looking for a way to end "
                                "their life.</li></ul><p>These signs are not for “assessing” "
                                "the risk: that is not your role. They tell you one thing "
                                "only: <b>it is time to talk about it and to get help</b>.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "information",
                                "text": (
                                    "<p>Sometimes a person says: “I'm telling you, but promise "
                                    "me you won't tell anyone.” When a life is in danger, "
                                    "<b>do not promise secrecy</b>. You can answer gently: “I "
                                    "can't promise you that, your life matters too much. But I "
                                    "won't do anything behind your back: we'll look for help "
                                    "together.”</p>"
                                ),
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    (
                                        "Talking about suicide does not put the idea in "
                                        "someone's head: it often brings relief."
                                    ),
                                    "Ask the question directly: “Are you thinking about suicide?”",
                                    "Some signs should alert you and prompt you to get help.",
                                    "Never promise secrecy when a life is in danger.",
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "What would feel hardest for you if you had to ask someone "
                                    "about suicide? With which words, your own, could you do "
                                    "it?"
                                ),
                            },
                        ),
                    ],
                },
            },
            {
                "slug": {
                    "fr": "passer-le-relais-puis-prendre-soin-de-soi",
                    "en": "handing-over-then-looking-after-yourself",
                },
                "title": {
                    "fr": "Passer le relais, puis prendre soin de soi",
                    "en": "Handing over, then looking after yourself",
                },
                "estimated_minutes": 15,
                "body": {
                    "fr": [
                        (
                            "callout",
                            {
                                "kind": "content_note",
                                "text": (
                                    "<p>Cette leçon parle encore de crise et de risque "
                                    "suicidaire. Faites une pause si vous en avez besoin.</p>"
                                ),
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<h2>Qui appeler ?</h2><p>Les numéros à connaître en France "
                                ":</p><ul><li><b>3114</b> : le numéro national de prévention "
                                "du suicide. Gratuit, 24 h/24 et 7 j/7. Des professionnel·le·s "
                                "formé·e·s répondent à la personne en détresse, <b>mais "
                                "aussi</b> à un·e proche ou à un·e pair-aidant·e inquiet·e "
                                "pour quelqu'un. Vous pouvez l'appeler pour demander "
                                "conseil.</li><li><b>15</b> (SAMU) : l'urgence médicale, quand "
                                "la vie de la personne est en danger immédiat. Par exemple si "
                                "elle a commencé à se faire du mal, ou si elle a avalé des "
                                "médicaments en trop grande quantité.</li><li><b>112</b> : le "
                                "numéro d'urgence européen, joignable gratuitement depuis un "
                                "fixe ou un portable, partout dans l'Union "
                                "européenne.</li><li><b>114</b> : le numéro d'urgence pour les "
                                "personnes sourdes, malentendantes ou qui ont des difficultés "
                                "à parler, par SMS ou par l'application dédiée.</li></ul><p>En "
                                "cas de doute sur la gravité, appelez quand même. Ce sont les "
                                "professionnel·le·s au bout du fil qui évaluent la situation "
                                "et qui vous guident.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<h2>Comment passer le relais</h2><ol><li><b>Dites à la "
                                "personne ce que vous faites</b>, et faites-le avec elle si "
                                "possible : « Je vais appeler le 3114 avec toi. "
                                "»</li><li><b>Restez avec elle</b> jusqu'à ce que le relais "
                                "soit pris, si vous êtes vous-même en sécurité. En cas de "
                                "danger immédiat, ne la laissez pas seule.</li><li><b>Donnez "
                                "des faits simples</b> au téléphone : où vous êtes, ce que la "
                                "personne a dit ou fait, ce qui vous inquiète. Suivez les "
                                "conseils que l'on vous donne.</li><li><b>Prévenez votre "
                                "association</b> en suivant la procédure prévue "
                                "(coordinateur·rice, référent·e).</li></ol><p>Votre sécurité "
                                "compte aussi. Si vous vous sentez en danger, éloignez-vous et "
                                "appelez le 112.</p>"
                            ),
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "Un soir, j'ai appelé le 3114 pour un adhérent, avec lui "
                                    "assis à côté de moi. J'avais peur qu'il m'en veuille. "
                                    "Quelques semaines plus tard, il m'a dit : « Tu ne m'as "
                                    "pas lâché. » Je ne l'ai pas sauvé tout seul. J'ai fait le "
                                    "lien, et c'était mon rôle."
                                ),
                                "attribution": "Un pair-aidant bénévole",
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<h2>Et après ?</h2><p>Accompagner quelqu'un en crise laisse "
                                "des traces. Vous pouvez ressentir de la peur, de la colère, "
                                "de la tristesse, de la culpabilité, ou un grand vide. Vous "
                                "pouvez aussi repenser à vos propres moments difficiles. Tout "
                                "cela est normal.</p><ul><li>Parlez-en vite à quelqu'un de "
                                "confiance : un·e collègue, le ou la "
                                "coordinateur·rice.</li><li>Reprenez la situation en "
                                "<b>supervision</b> ou en <b>analyse de pratiques</b>. Vous "
                                "pouvez aussi l'écrire dans une analyse de pratique, sans "
                                "aucun détail qui permette de reconnaître la "
                                "personne.</li><li>Accordez-vous du repos, et faites ce qui "
                                "vous fait du bien.</li><li>Si vous allez mal vous aussi, le "
                                "<b>3114</b> est là pour vous également.</li></ul><p>Quoi "
                                "qu'il arrive ensuite, vous n'êtes pas seul·e responsable de "
                                "ce que vit une autre personne. Vous avez fait votre part en "
                                "étant là et en alertant.</p>"
                            ),
                        ),
                        (
                            "key_points",
                            {
                                "title": "À retenir",
                                "points": [
                                    (
                                        "3114 : prévention du suicide, gratuit, 24 h/24, aussi "
                                        "pour les proches et les pair-aidant·e·s."
                                    ),
                                    "15 ou 112 : danger immédiat.",
                                    (
                                        "Dites ce que vous faites, restez avec la personne, "
                                        "donnez des faits."
                                    ),
                                    "Après, parlez-en et reprenez la situation en supervision.",
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Connaissez-vous la procédure de votre association en cas "
                                    "de crise ? Qui prévenez-vous ? Si vous ne savez pas, "
                                    "notez la question pour votre prochain échange avec votre "
                                    "coordinateur·rice."
                                ),
                            },
                        ),
                        (
                            "quiz",
                            {
                                "title": "Petit quiz : crise et passage de relais",
                                "introduction": (
                                    "Ce quiz sert à vérifier ce que vous avez retenu, pour "
                                    "vous. Vous pouvez le refaire autant de fois que vous le "
                                    "souhaitez, rien n'est retenu contre vous. Après chaque "
                                    "essai, chaque réponse est expliquée."
                                ),
                                "questions": [
                                    {
                                        "kind": "single",
                                        "question": (
                                            "Vous êtes inquiet·e pour une personne qui pense "
                                            "au suicide. Quel numéro pouvez-vous appeler "
                                            "gratuitement, à toute heure, pour demander "
                                            "conseil ?"
                                        ),
                                        "options": [
                                            {
                                                "text": "Le 3114.",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Oui. Le 3114 répond 24 h/24 et 7 j/7, aux "
                                                    "personnes en détresse comme à leurs "
                                                    "proches et aux pair-aidant·e·s."
                                                ),
                                            },
                                            {
                                                "text": "Le 17.",
                                                "is_correct": False,
                                                "explanation": (
                                                    "Le 17, c'est police secours. Pour "
                                                    "demander conseil, appelez le 3114 ; en "
                                                    "cas de danger immédiat pour la vie, le 15 "
                                                    "ou le 112."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Le numéro personnel d'un·e autre "
                                                    "pair-aidant·e."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "En parler à un·e collègue peut vous "
                                                    "aider, mais ce n'est pas un service de "
                                                    "prévention du suicide joignable jour et "
                                                    "nuit. Le 3114, si."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "true_false",
                                        "question": (
                                            "Demander directement à quelqu'un s'il pense au "
                                            "suicide risque de lui en donner l'idée."
                                        ),
                                        "options": [
                                            {
                                                "text": "Vrai",
                                                "is_correct": False,
                                                "explanation": (
                                                    "C'est une idée reçue. Poser la question "
                                                    "calmement ne pousse pas à passer à "
                                                    "l'acte, et soulage souvent la personne."
                                                ),
                                            },
                                            {
                                                "text": "Faux",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Exactement. Parler ouvertement du suicide "
                                                    "aide la personne à se sentir entendue, et "
                                                    "ouvre la porte à l'aide."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "multiple",
                                        "question": (
                                            "Un adhérent vous confie qu'il pense à mettre fin "
                                            "à ses jours, et vous demande de garder le secret. "
                                            "Que faites-vous ? (plusieurs réponses possibles)"
                                        ),
                                        "options": [
                                            {
                                                "text": (
                                                    "Vous l'écoutez sans juger et vous le "
                                                    "remerciez de vous en avoir parlé."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Oui. Il lui a fallu du courage. Votre "
                                                    "écoute est déjà une aide."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Vous lui promettez de ne rien dire, pour "
                                                    "garder sa confiance."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "Non. Quand une vie est en danger, on ne "
                                                    "promet pas le secret. Vous pouvez lui "
                                                    "expliquer pourquoi, avec douceur."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Vous lui proposez d'appeler le 3114 ensemble."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Oui. Appeler avec lui respecte sa place "
                                                    "et lui évite de se sentir trahi."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Vous essayez d'évaluer seul·e si le "
                                                    "risque est élevé avant de décider quoi "
                                                    "faire."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "Ce n'est pas votre rôle. Ce sont les "
                                                    "professionnel·le·s du 3114 ou du 15 qui "
                                                    "évaluent. Vous, vous faites le lien."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Vous en parlez ensuite en supervision, "
                                                    "sans détail qui permette de le "
                                                    "reconnaître."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Oui. Reprendre la situation vous aide à "
                                                    "prendre soin de vous et à apprendre."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "true_false",
                                        "question": (
                                            "Après avoir accompagné une personne en crise, "
                                            "ressentir de la peur ou de la culpabilité montre "
                                            "que vous n'êtes pas fait·e pour ce rôle."
                                        ),
                                        "options": [
                                            {
                                                "text": "Vrai",
                                                "is_correct": False,
                                                "explanation": (
                                                    "Non. Ces émotions sont des réactions "
                                                    "normales. Elles méritent d'être "
                                                    "entendues, en supervision ou avec un·e "
                                                    "collègue."
                                                ),
                                            },
                                            {
                                                "text": "Faux",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Exactement. Ces émotions sont normales. "
                                                    "Parlez-en, et prenez soin de vous."
                                                ),
                                            },
                                        ],
                                    },
                                ],
                            },
                        ),
                    ],
                    "en": [
                        (
                            "callout",
                            {
                                "kind": "content_note",
                                "text": (
                                    "<p>This lesson still talks about crisis and suicide risk. "
                                    "Take a break if you need one.</p>"
                                ),
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<h2>Who to call?</h2><p>The numbers to know in "
                                "France:</p><ul><li><b>3114</b>: the national suicide "
                                "prevention line. Free, 24 hours a day, 7 days a week. Trained "
                                "professionals answer the person in distress, <b>and also</b> "
                                "a relative or a peer supporter who is worried about someone. "
                                "You can call it to ask for advice.</li><li><b>15</b> (SAMU): "
                                "medical emergencies, when the person's life is in immediate "
                                "danger. For example, if they have started to hurt themselves, "
                                "or if they have swallowed too much "
                                "medication.</li><li><b>112</b>: the European emergency "
                                "number, free from a landline or a mobile, anywhere in the "
                                "European Union.</li><li><b>114</b>: the emergency number for "
                                "people who are deaf, hard of hearing or have difficulty "
                                "speaking, by text message or through its app.</li></ul><p>If "
                                "you are unsure how serious it is, call anyway. The "
                                "professionals on the line are the ones who assess the "
                                "situation and guide you.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<h2>How to hand over</h2><ol><li><b>Tell the person what you "
                                "are doing</b>, and do it with them if you can: “I'm going to "
                                "call 3114 with you.”</li><li><b>Stay with them</b> until "
                                "someone has taken over, as long as you are safe yourself. In "
                                "immediate danger, do not leave them alone.</li><li><b>Give "
                                "simple facts</b> on the phone: where you are, what the person "
                                "said or did, what worries you. Follow the advice you are "
                                "given.</li><li><b>Let your association know</b>, following "
                                "the agreed procedure (coordinator, contact "
                                "person).</li></ol><p>Your safety matters too. If you feel in "
                                "danger, move away and call 112.</p>"
                            ),
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "One evening I called 3114 for a member, with him sitting "
                                    "next to me. I was afraid he would hold it against me. A "
                                    "few weeks later he told me: “You didn't let go of me.” I "
                                    "didn't save him on my own. I made the link, and that was "
                                    "my role."
                                ),
                                "attribution": "A volunteer peer supporter",
                            },
                        ),
                        (
                            "paragraph",
                            (
                                "<h2>And afterwards?</h2><p>Supporting someone in crisis "
                                "leaves its mark. You may feel fear, anger, sadness, guilt, or "
                                "a great emptiness. You may also think back to your own hard "
                                "times. All of this is normal.</p><ul><li>Talk about it soon "
                                "with someone you trust: a colleague, the "
                                "coordinator.</li><li>Bring the situation to "
                                "<b>supervision</b> or <b>practice analysis</b>. You can also "
                                "write it up as a reflective entry, with no detail that could "
                                "identify the person.</li><li>Allow yourself some rest, and do "
                                "what does you good.</li><li>If you are not doing well either, "
                                "<b>3114</b> is there for you too.</li></ul><p>Whatever "
                                "happens next, you are not solely responsible for what another "
                                "person goes through. You did your part by being there and "
                                "raising the alarm.</p>"
                            ),
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    (
                                        "3114: suicide prevention, free, 24/7, also for "
                                        "relatives and peer supporters."
                                    ),
                                    "15 or 112: immediate danger.",
                                    "Say what you are doing, stay with the person, give facts.",
                                    (
                                        "Afterwards, talk about it and bring the situation to "
                                        "supervision."
                                    ),
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Do you know your association's procedure in a crisis? Who "
                                    "do you let know? If you are not sure, write the question "
                                    "down for your next conversation with your coordinator."
                                ),
                            },
                        ),
                        (
                            "quiz",
                            {
                                "title": "Short quiz: crisis and handing over",
                                "introduction": (
                                    "This quiz is for you, to check what you remember. You can "
                                    "take it as many times as you like, and nothing is held "
                                    "against you. After each attempt, every answer is "
                                    "explained."
                                ),
                                "questions": [
                                    {
                                        "kind": "single",
                                        "question": (
                                            "You are worried about someone who is thinking "
                                            "about suicide. Which number can you call free of "
                                            "charge, at any time, to ask for advice?"
                                        ),
                                        "options": [
                                            {
                                                "text": "3114.",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Yes. 3114 answers 24 hours a day, 7 days "
                                                    "a week, both people in distress and their "
                                                    "relatives and peer supporters."
                                                ),
                                            },
                                            {
                                                "text": "17.",
                                                "is_correct": False,
                                                "explanation": (
                                                    "17 is the police emergency number. To ask "
                                                    "for advice, call 3114; if a life is in "
                                                    "immediate danger, call 15 or 112."
                                                ),
                                            },
                                            {
                                                "text": "Another peer supporter's personal number.",
                                                "is_correct": False,
                                                "explanation": (
                                                    "Talking to a colleague can help you, but "
                                                    "it is not a suicide prevention service "
                                                    "available day and night. 3114 is."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "true_false",
                                        "question": (
                                            "Asking someone directly whether they are thinking "
                                            "about suicide may put the idea in their head."
                                        ),
                                        "options": [
                                            {
                                                "text": "True",
                                                "is_correct": False,
                                                "explanation": (
                                                    "That is a myth. Asking calmly does not "
                                                    "push someone to act, and it often brings "
                                                    "the person relief."
                                                ),
                                            },
                                            {
                                                "text": "False",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Exactly. Talking openly about suicide "
                                                    "helps the person feel heard, and opens "
                                                    "the door to help."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "multiple",
                                        "question": (
                                            "A member tells you he is thinking about ending "
                                            "his life, and asks you to keep it secret. What do "
                                            "you do? (more than one answer)"
                                        ),
                                        "options": [
                                            {
                                                "text": (
                                                    "You listen without judging and thank him "
                                                    "for telling you."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Yes. It took courage. Your listening is "
                                                    "already a help."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "You promise not to say anything, to keep "
                                                    "his trust."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "No. When a life is in danger, you do not "
                                                    "promise secrecy. You can explain why, "
                                                    "gently."
                                                ),
                                            },
                                            {
                                                "text": "You suggest calling 3114 together.",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Yes. Calling with him respects his place "
                                                    "and helps him not to feel betrayed."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "You try to assess on your own whether the "
                                                    "risk is high before deciding what to do."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "That is not your role. The professionals "
                                                    "at 3114 or 15 assess the risk. You make "
                                                    "the link."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Afterwards you bring it to supervision, "
                                                    "with no detail that could identify him."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Yes. Going back over the situation helps "
                                                    "you look after yourself and learn."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "true_false",
                                        "question": (
                                            "After supporting someone in crisis, feeling fear "
                                            "or guilt shows that you are not cut out for this "
                                            "role."
                                        ),
                                        "options": [
                                            {
                                                "text": "True",
                                                "is_correct": False,
                                                "explanation": (
                                                    "No. These feelings are normal reactions. "
                                                    "They deserve to be heard, in supervision "
                                                    "or with a colleague."
                                                ),
                                            },
                                            {
                                                "text": "False",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Exactly. These feelings are normal. Talk "
                                                    "about them, and look after yourself."
                                                ),
                                            },
                                        ],
                                    },
                                ],
                            },
                        ),
                    ],
                },
            },
        ],
    },
    {
        "key": "self_care",
        "slug": {
            "fr": "prendre-soin-de-soi",
            "en": "self-care",
        },
        "title": {
            "fr": "Prendre soin de soi",
            "en": "Self-care",
        },
        "theme": "self_care",
        "duration_minutes": 34,
        "summary": {
            "fr": (
                "<p>Aider les autres donne du sens, mais cela peut aussi fatiguer. Ce module "
                "vous aide à repérer vos signes d'usure, à trouver des repères simples pour "
                "durer, et à demander du soutien quand vous en avez besoin. Prendre soin de "
                "vous fait partie de votre rôle.</p>"
            ),
            "en": (
                "<p>Helping others gives meaning to life, but it can also wear you out. This "
                "module helps you spot your signs of strain, find simple habits to keep going, "
                "and ask for support when you need it. Looking after yourself is part of your "
                "role.</p>"
            ),
        },
        "objectives": {
            "fr": [
                "Repérer vos propres signes de fatigue et d'alerte.",
                "Choisir un ou deux repères concrets pour durer dans votre rôle.",
                "Savoir où trouver du soutien dans l'association.",
            ],
            "en": [
                "Spot your own signs of tiredness and warning signs.",
                "Choose one or two concrete habits to keep going in your role.",
                "Know where to find support in the association.",
            ],
        },
        "audience": {
            "fr": (
                "Toutes les personnes engagées dans l'association, pair-aidant·e·s "
                "débutant·e·s comme expérimenté·e·s."
            ),
            "en": (
                "Everyone involved in the association, new and experienced peer supporters alike."
            ),
        },
        "content_note": {
            "fr": "",
            "en": "",
        },
        "easy_read_summary": {
            "fr": (
                "<p>Ce module parle de <b>prendre soin de soi</b>.</p><p>Aider les autres peut "
                "fatiguer.</p><p>C'est normal.</p><p>Vous avez le droit de faire des "
                "pauses.</p><p>Vous pouvez demander de l'aide, vous aussi.</p>"
            ),
            "en": (
                "<p>This module is about <b>looking after yourself</b>.</p><p>Helping others "
                "can make you tired.</p><p>That is normal.</p><p>You are allowed to take "
                "breaks.</p><p>You can ask for help too.</p>"
            ),
        },
        "prerequisites": [],
        "pass_mark": 70,
        "max_quiz_attempts": 3,
        "issues_certificate": True,
        "lessons": [
            {
                "slug": {
                    "fr": "quand-aider-fatigue",
                    "en": "when-helping-wears-you-out",
                },
                "title": {
                    "fr": "Quand aider fatigue",
                    "en": "When helping wears you out",
                },
                "estimated_minutes": 10,
                "body": {
                    "fr": [
                        ("heading", "Reconnaître les signes"),
                        (
                            "paragraph",
                            (
                                "<p>Aider les autres donne du sens. Mais écouter des histoires "
                                "difficiles, semaine après semaine, peut aussi peser. On parle "
                                "parfois de <b>souffrance secondaire</b> ou de <b>fatigue de "
                                "compassion</b> : une usure qui vient du fait d'être souvent "
                                "au contact de la souffrance des autres.</p><p>Pour les "
                                "pair-aidant·e·s, il y a une difficulté en plus : l'histoire "
                                "de l'autre peut ressembler à la vôtre. Elle peut réveiller "
                                "des souvenirs, des émotions, parfois d'anciens symptômes. Ce "
                                "n'est pas une faiblesse. C'est le revers de ce qui fait votre "
                                "force : vous comprenez de l'intérieur.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Quelques signes à surveiller chez vous :</p><ul><li>vous "
                                "dormez moins bien, vous repensez sans cesse aux personnes que "
                                "vous accompagnez ;</li><li>vous vous sentez irritable, vide, "
                                "ou plus triste que d'habitude ;</li><li>vous avez du mal à "
                                "vous concentrer, tout vous demande plus d'effort "
                                ";</li><li>vous n'avez plus envie d'aller au GEM, ou au "
                                "contraire vous n'arrivez plus à vous arrêter ;</li><li>vos "
                                "propres signes d'alerte, ceux que vous connaissez bien, "
                                "réapparaissent.</li></ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "information",
                                "text": (
                                    "<p>Beaucoup de personnes vivent avec une <b>fatigue "
                                    "cognitive</b> : la concentration s'épuise vite, surtout "
                                    "après un échange intense. Ce n'est pas de la paresse. "
                                    "Prévoir des pauses, c'est tenir compte de votre "
                                    "réalité.</p>"
                                ),
                            },
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "Pendant des mois, j'ai enchaîné les permanences. Je me "
                                    "disais que je devais bien ça aux autres. C'est une "
                                    "collègue qui m'a fait remarquer que je ne riais plus. "
                                    "J'ai levé le pied, et j'ai retrouvé le plaisir d'être là."
                                ),
                                "attribution": "Un pair-aidant dans un GEM",
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "À retenir",
                                "points": [
                                    "Aider peut user : c'est fréquent, et cela porte un nom.",
                                    "L'histoire des autres peut réveiller la vôtre.",
                                    "Repérer tôt vos signes de fatigue vous protège.",
                                    "Faire des pauses, ce n'est pas abandonner.",
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Quels sont vos signes personnels de fatigue ou d'alerte ? "
                                    "Qui, autour de vous, pourrait les remarquer avant vous ?"
                                ),
                            },
                        ),
                    ],
                    "en": [
                        ("heading", "Recognising the signs"),
                        (
                            "paragraph",
                            (
                                "<p>Helping others gives meaning. But listening to difficult "
                                "stories, week after week, can also weigh on you. This is "
                                "sometimes called <b>secondary distress</b> or <b>compassion "
                                "fatigue</b>: a strain that comes from being often in contact "
                                "with other people's suffering.</p><p>For peer supporters, "
                                "there is an extra difficulty: the other person's story may "
                                "look like yours. It can bring back memories, feelings, "
                                "sometimes old symptoms. This is not a weakness. It is the "
                                "flip side of your strength: you understand from the "
                                "inside.</p>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>A few signs to watch for in yourself:</p><ul><li>you sleep "
                                "less well, you keep thinking about the people you "
                                "support;</li><li>you feel irritable, empty, or sadder than "
                                "usual;</li><li>you find it hard to concentrate, everything "
                                "takes more effort;</li><li>you no longer feel like going to "
                                "the GEM, or on the contrary you cannot stop;</li><li>your own "
                                "warning signs, the ones you know well, come back.</li></ul>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "information",
                                "text": (
                                    "<p>Many people live with <b>cognitive fatigue</b>: "
                                    "concentration runs out quickly, especially after an "
                                    "intense conversation. This is not laziness. Planning "
                                    "breaks means taking your reality into account.</p>"
                                ),
                            },
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "For months, I did drop-in session after drop-in session. "
                                    "I told myself I owed it to the others. It was a colleague "
                                    "who pointed out that I had stopped laughing. I eased off, "
                                    "and I found the pleasure of being there again."
                                ),
                                "attribution": "A peer supporter in a GEM",
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "Helping can wear you down: it is common, and it has a name.",
                                    "Other people's stories can stir up your own.",
                                    "Spotting your signs of tiredness early protects you.",
                                    "Taking breaks is not giving up.",
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "What are your own signs of tiredness or warning signs? "
                                    "Who around you could notice them before you do?"
                                ),
                            },
                        ),
                    ],
                },
            },
            {
                "slug": {
                    "fr": "des-reperes-pour-durer",
                    "en": "simple-habits-to-keep-going",
                },
                "title": {
                    "fr": "Des repères pour durer",
                    "en": "Simple habits to keep going",
                },
                "estimated_minutes": 12,
                "body": {
                    "fr": [
                        ("heading", "Prendre soin de soi, concrètement"),
                        (
                            "paragraph",
                            (
                                "<p>Prendre soin de soi, ce n'est ni un luxe, ni un « bonus » "
                                "quand il reste du temps. C'est ce qui vous permet de "
                                "continuer à aider sans vous perdre. Il n'existe pas de "
                                "recette unique. Voici des idées que des pair-aidant·e·s "
                                "utilisent :</p><ul><li><b>Poser un cadre</b> : des horaires, "
                                "un téléphone réservé à l'association, des jours sans "
                                "permanence.</li><li><b>Un petit rituel avant et après</b> : "
                                "quelques respirations, une marche, une boisson chaude, "
                                "changer de vêtements en rentrant.</li><li><b>Doser vos "
                                "engagements</b> : mieux vaut deux activités tenues dans la "
                                "durée que cinq qui vous épuisent.</li><li><b>Garder des "
                                "espaces à vous</b>, sans lien avec la pair-aidance : ami·e·s, "
                                "loisirs, repos.</li><li><b>Continuer vos propres soins</b> si "
                                "vous en avez : votre rétablissement reste la "
                                "priorité.</li></ul>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Certain·e·s pair-aidant·e·s écrivent un <b>plan de "
                                "bien-être</b> personnel. Sur une feuille, on note : ce qui me "
                                "fait du bien au quotidien, mes signes d'alerte, ce que je "
                                "fais quand ils apparaissent, et les personnes que je peux "
                                "appeler. C'est votre document : vous le gardez pour vous, ou "
                                "vous le partagez avec qui vous voulez.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>Dire non, c'est aussi prendre soin de la relation. Une "
                                    "phrase simple peut suffire : <b>« Je ne peux pas cette "
                                    "semaine. Est-ce qu'on peut en reparler mardi ? »</b></p>"
                                ),
                            },
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "J'ai un rituel tout simple : après chaque permanence, je "
                                    "fais le tour du pâté de maisons avant de rentrer. En "
                                    "marchant, je laisse les histoires de la journée au GEM. "
                                    "Quand j'arrive, je suis de nouveau chez moi."
                                ),
                                "attribution": "Une pair-aidante dans un GEM de centre-ville",
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "À retenir",
                                "points": [
                                    "Prendre soin de soi permet de continuer à aider.",
                                    "Un cadre clair protège tout le monde.",
                                    (
                                        "Un petit rituel aide à passer du rôle de pair à sa "
                                        "vie personnelle."
                                    ),
                                    "Votre propre rétablissement reste la priorité.",
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Quel petit geste pourriez-vous essayer cette semaine, "
                                    "avant ou après une activité de pair-aidance ? Écrivez-le "
                                    "comme une promesse faite à vous-même."
                                ),
                            },
                        ),
                    ],
                    "en": [
                        ("heading", "Self-care in practice"),
                        (
                            "paragraph",
                            (
                                "<p>Looking after yourself is neither a luxury nor a “bonus” "
                                "for when there is time left. It is what allows you to keep "
                                "helping without losing yourself. There is no single recipe. "
                                "Here are some ideas peer supporters use:</p><ul><li><b>Set a "
                                "frame</b>: set hours, a phone kept for the association, days "
                                "without drop-in sessions.</li><li><b>A small ritual before "
                                "and after</b>: a few breaths, a walk, a hot drink, changing "
                                "clothes when you get home.</li><li><b>Pace your "
                                "commitments</b>: two activities you can keep up are better "
                                "than five that exhaust you.</li><li><b>Keep spaces of your "
                                "own</b>, unrelated to peer support: friends, hobbies, "
                                "rest.</li><li><b>Keep up your own care</b> if you have any: "
                                "your recovery remains the priority.</li></ul>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Some peer supporters write a personal <b>wellness "
                                "plan</b>. On a sheet of paper, you note: what does me good "
                                "day to day, my warning signs, what I do when they appear, and "
                                "the people I can call. It is your document: you keep it to "
                                "yourself, or share it with whoever you choose.</p>"
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "text": (
                                    "<p>Saying no is also a way of caring for the "
                                    "relationship. A simple sentence can be enough: <b>“I "
                                    "can't this week. Can we talk about it again on "
                                    "Tuesday?”</b></p>"
                                ),
                            },
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "I have a very simple ritual: after each drop-in session, "
                                    "I walk around the block before going home. As I walk, I "
                                    "leave the day's stories at the GEM. When I get in, I am "
                                    "back home."
                                ),
                                "attribution": "A peer supporter in a town-centre GEM",
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "Looking after yourself lets you keep helping.",
                                    "A clear frame protects everyone.",
                                    (
                                        "A small ritual helps you move from your peer role "
                                        "back to your personal life."
                                    ),
                                    "Your own recovery remains the priority.",
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "What small step could you try this week, before or after "
                                    "a peer-support activity? Write it down as a promise to "
                                    "yourself."
                                ),
                            },
                        ),
                    ],
                },
            },
            {
                "slug": {
                    "fr": "demander-du-soutien",
                    "en": "asking-for-support",
                },
                "title": {
                    "fr": "Demander du soutien",
                    "en": "Asking for support",
                },
                "estimated_minutes": 12,
                "body": {
                    "fr": [
                        ("heading", "Vous n'êtes pas seul·e"),
                        (
                            "paragraph",
                            (
                                "<p>La pair-aidance repose sur la <b>réciprocité</b> : "
                                "chacun·e peut aider, et chacun·e peut être aidé·e. Cela vaut "
                                "aussi pour vous. Demander du soutien n'est pas un aveu "
                                "d'échec. C'est un savoir-faire de pair-aidant·e.</p><p>Dans "
                                "l'association, plusieurs espaces existent pour cela "
                                ":</p><ul><li>la <b>supervision</b>, seul·e ou en groupe, avec "
                                "un·e superviseur·e ;</li><li>les séances d'<b>analyse de "
                                "pratiques</b>, où l'on réfléchit ensemble à des situations "
                                "vécues ;</li><li>les <b>ateliers de codéveloppement</b>, où "
                                "le groupe vous aide à trouver vos propres pistes face à une "
                                "difficulté réelle ;</li><li>les échanges plus informels avec "
                                "les autres pair-aidant·e·s et avec la coordination.</li></ul>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>Il peut arriver que vous ayez besoin de <b>faire une "
                                "pause</b> dans votre rôle : pendant une période difficile, "
                                "après un événement marquant, ou simplement parce que vous "
                                "êtes fatigué·e. C'est votre droit. Prévenez la coordination, "
                                "et prenez le temps qu'il vous faut. Votre place vous "
                                "attend.</p>"
                            ),
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "En analyse de pratiques, j'ai enfin osé dire qu'une "
                                    "situation m'empêchait de dormir. Trois autres "
                                    "pair-aidants ont répondu : « Moi aussi, ça m'est arrivé. "
                                    "» Rien que ça, ça m'a enlevé un poids énorme."
                                ),
                                "attribution": (
                                    "Une pair-aidante, membre d'un groupe d'analyse de pratiques"
                                ),
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "À retenir",
                                "points": [
                                    "Chacun·e peut aider et être aidé·e, vous aussi.",
                                    (
                                        "Supervision, analyse de pratiques et codéveloppement "
                                        "sont là pour vous."
                                    ),
                                    "Faire une pause dans son rôle est un droit.",
                                    "Demander du soutien est une compétence, pas une faiblesse.",
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "À qui pourriez-vous parler, dans l'association, si une "
                                    "situation vous pesait ? Et en dehors de l'association ?"
                                ),
                            },
                        ),
                        (
                            "quiz",
                            {
                                "title": "Petit quiz : prendre soin de soi",
                                "introduction": (
                                    "Pour ce module, vous avez jusqu'à trois essais. Prenez "
                                    "votre temps : après chaque essai, chaque réponse est "
                                    "expliquée, et vous pouvez relire les leçons avant de "
                                    "recommencer. En cas de difficulté, votre formateur·rice "
                                    "est là pour vous aider."
                                ),
                                "questions": [
                                    {
                                        "kind": "true_false",
                                        "question": (
                                            "Quand on est pair-aidant·e, prendre soin de soi, "
                                            "c'est égoïste."
                                        ),
                                        "options": [
                                            {
                                                "text": "Vrai",
                                                "is_correct": False,
                                                "explanation": (
                                                    "Non. Prendre soin de vous vous permet de "
                                                    "continuer à aider, dans la durée et sans "
                                                    "vous épuiser."
                                                ),
                                            },
                                            {
                                                "text": "Faux",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Exactement. C'est une condition pour bien "
                                                    "accompagner les autres."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "single",
                                        "question": (
                                            "Depuis quelques semaines, vous dormez mal et vous "
                                            "pensez sans cesse à un adhérent que vous "
                                            "accompagnez. Que faites-vous en premier ?"
                                        ),
                                        "options": [
                                            {
                                                "text": "Vous n'en parlez pas : ça va passer.",
                                                "is_correct": False,
                                                "explanation": (
                                                    "Garder cela pour vous risque de vous user "
                                                    "davantage. Ces signes méritent d'être "
                                                    "entendus."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Vous en parlez en supervision ou à la "
                                                    "coordination."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Oui. Ce sont des signes de fatigue à "
                                                    "prendre au sérieux. En parler, c'est la "
                                                    "première étape."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Vous le voyez plus souvent, pour être "
                                                    "sûr·e qu'il va bien."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "Cela risque de vous épuiser davantage. "
                                                    "Votre inquiétude mérite d'abord d'être "
                                                    "partagée avec quelqu'un."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "multiple",
                                        "question": (
                                            "Lesquels de ces repères peuvent vous aider à "
                                            "durer dans votre rôle ? (plusieurs réponses "
                                            "possibles)"
                                        ),
                                        "options": [
                                            {
                                                "text": (
                                                    "Avoir des horaires et un téléphone "
                                                    "réservé à l'association."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Oui. Un cadre clair protège votre vie "
                                                    "personnelle et la relation."
                                                ),
                                            },
                                            {
                                                "text": "Un petit rituel après chaque permanence.",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Oui. Un rituel aide à laisser les "
                                                    "histoires de la journée derrière vous."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Répondre à tous les messages, même la nuit."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "Être joignable en permanence épuise. Pour "
                                                    "les urgences, il existe des numéros "
                                                    "dédiés, comme le 3114, le 15 ou le 112."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Garder des activités sans lien avec la "
                                                    "pair-aidance."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Oui. Ces espaces à vous nourrissent votre "
                                                    "équilibre."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "true_false",
                                        "question": (
                                            "Faire une pause dans son rôle de pair-aidant·e, "
                                            "c'est abandonner les personnes accompagnées."
                                        ),
                                        "options": [
                                            {
                                                "text": "Vrai",
                                                "is_correct": False,
                                                "explanation": (
                                                    "Non. Faire une pause est un droit. En "
                                                    "prévenant la coordination, vous permettez "
                                                    "d'organiser la suite pour les personnes "
                                                    "que vous accompagnez."
                                                ),
                                            },
                                            {
                                                "text": "Faux",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Exactement. Une pause vous permet de "
                                                    "revenir en forme. Votre place vous attend."
                                                ),
                                            },
                                        ],
                                    },
                                ],
                            },
                        ),
                    ],
                    "en": [
                        ("heading", "You are not alone"),
                        (
                            "paragraph",
                            (
                                "<p>Peer support rests on <b>reciprocity</b>: everyone can "
                                "help, and everyone can be helped. That includes you. Asking "
                                "for support is not an admission of failure. It is a "
                                "peer-support skill.</p><p>In the association, there are "
                                "several spaces for this:</p><ul><li><b>supervision</b>, "
                                "one-to-one or in a group, with a "
                                "supervisor;</li><li><b>practice-analysis</b> sessions, where "
                                "you think together about real "
                                "situations;</li><li><b>co-development workshops</b>, where "
                                "the group helps you find your own way forward with a real "
                                "difficulty;</li><li>more informal conversations with other "
                                "peer supporters and with the coordination team.</li></ul>"
                            ),
                        ),
                        (
                            "paragraph",
                            (
                                "<p>You may need to <b>take a break</b> from your role: during "
                                "a hard time, after a distressing event, or simply because you "
                                "are tired. That is your right. Let the coordination team "
                                "know, and take the time you need. Your place will be waiting "
                                "for you.</p>"
                            ),
                        ),
                        (
                            "testimony",
                            {
                                "quote": (
                                    "In practice analysis, I finally dared to say that a "
                                    "situation was keeping me awake at night. Three other peer "
                                    "supporters answered: “That has happened to me too.” That "
                                    "alone took a huge weight off me."
                                ),
                                "attribution": (
                                    "A peer supporter, member of a practice-analysis group"
                                ),
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "Everyone can help and be helped, you included.",
                                    (
                                        "Supervision, practice analysis and co-development are "
                                        "there for you."
                                    ),
                                    "Taking a break from your role is a right.",
                                    "Asking for support is a skill, not a weakness.",
                                ],
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": (
                                    "Who could you talk to in the association if a situation "
                                    "was weighing on you? And outside the association?"
                                ),
                            },
                        ),
                        (
                            "quiz",
                            {
                                "title": "Short quiz: self-care",
                                "introduction": (
                                    "For this module, you have up to three attempts. Take your "
                                    "time: after each attempt, every answer is explained, and "
                                    "you can re-read the lessons before trying again. If you "
                                    "find it hard, your trainer is there to help."
                                ),
                                "questions": [
                                    {
                                        "kind": "true_false",
                                        "question": (
                                            "When you are a peer supporter, looking after "
                                            "yourself is selfish."
                                        ),
                                        "options": [
                                            {
                                                "text": "True",
                                                "is_correct": False,
                                                "explanation": (
                                                    "No. Looking after yourself lets you keep "
                                                    "helping, over time and without burning "
                                                    "out."
                                                ),
                                            },
                                            {
                                                "text": "False",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Exactly. It is a condition for supporting "
                                                    "others well."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "single",
                                        "question": (
                                            "For a few weeks, you have been sleeping badly and "
                                            "thinking all the time about a member you support. "
                                            "What do you do first?"
                                        ),
                                        "options": [
                                            {
                                                "text": "You don't talk about it: it will pass.",
                                                "is_correct": False,
                                                "explanation": (
                                                    "Keeping it to yourself may wear you down "
                                                    "further. These signs deserve to be heard."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "You talk about it in supervision or with "
                                                    "the coordination team."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Yes. These are signs of tiredness to take "
                                                    "seriously. Talking about them is the "
                                                    "first step."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "You see him more often, to make sure he "
                                                    "is all right."
                                                ),
                                                "is_correct": False,
                                                "explanation": (
                                                    "That may exhaust you even more. Your "
                                                    "worry first deserves to be shared with "
                                                    "someone."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "multiple",
                                        "question": (
                                            "Which of these habits can help you keep going in "
                                            "your role? (more than one answer)"
                                        ),
                                        "options": [
                                            {
                                                "text": (
                                                    "Having set hours and a phone kept for the "
                                                    "association."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Yes. A clear frame protects your personal "
                                                    "life and the relationship."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "A small ritual after each drop-in session."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Yes. A ritual helps you leave the day's "
                                                    "stories behind you."
                                                ),
                                            },
                                            {
                                                "text": "Answering every message, even at night.",
                                                "is_correct": False,
                                                "explanation": (
                                                    "Being reachable all the time wears you "
                                                    "out. For emergencies, there are dedicated "
                                                    "numbers, such as 3114, 15 or 112."
                                                ),
                                            },
                                            {
                                                "text": (
                                                    "Keeping activities unrelated to peer support."
                                                ),
                                                "is_correct": True,
                                                "explanation": (
                                                    "Yes. These spaces of your own feed your "
                                                    "balance."
                                                ),
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "true_false",
                                        "question": (
                                            "Taking a break from your peer-support role means "
                                            "abandoning the people you support."
                                        ),
                                        "options": [
                                            {
                                                "text": "True",
                                                "is_correct": False,
                                                "explanation": (
                                                    "No. Taking a break is a right. When you "
                                                    "let the coordination team know, things "
                                                    "can be arranged for the people you "
                                                    "support."
                                                ),
                                            },
                                            {
                                                "text": "False",
                                                "is_correct": True,
                                                "explanation": (
                                                    "Exactly. A break lets you come back "
                                                    "refreshed. Your place will be waiting for "
                                                    "you."
                                                ),
                                            },
                                        ],
                                    },
                                ],
                            },
                        ),
                    ],
                },
            },
        ],
    },
]
