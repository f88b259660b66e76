"""The demo community: people, what they wrote, who reshared what.

Fictional people and places, written the way members of a platform about comfort and grief would write.
The loader (reconfort/demo/loader.py) turns this into rows through the services, in this order, so the list
order of POSTS is also the order in time. Follows and gestures are drawn by a seeded generator in the loader.
"""

from __future__ import annotations

from dataclasses import dataclass

DEMO_PASSWORD = "hug-yours-tight"
ADMIN_USERNAME = "admin"


@dataclass(frozen=True)
class Member:
    username: str
    display_name: str
    language: str
    time_zone: str
    bio: str
    locked: bool = False


@dataclass(frozen=True)
class DemoPost:
    key: str
    author: str
    text: str
    kind: str = "ordinary"
    visibility: str = "public"
    reply_to: str | None = None
    spoiler_text: str = ""
    language: str | None = None  # defaults to the author's language
    title: str = ""  # a title makes it a story (long Markdown)


MEMBERS = [
    Member(
        "equipe",
        "L'équipe Réconfort",
        "fr",
        "Europe/Paris",
        "Les bénévoles qui font tourner Réconfort. On lit tout, on répond quand on peut. "
        "The volunteers behind Réconfort. #réconfort",
    ),
    Member(
        "camille_roux",
        "Camille Roux",
        "fr",
        "Europe/Paris",
        "Infirmière de nuit à Lyon. Maman de Jules depuis le 3 mars. Je dors quand il dort (en théorie).",
    ),
    Member(
        "martine_b",
        "Martine Bernard",
        "fr",
        "Europe/Paris",
        "Veuve de Gérard depuis l'automne. 41 ans de mariage, deux filles, trois petits-enfants et un jardin "
        "qu'il faut bien continuer d'arroser.",
    ),
    Member(
        "yann_legall",
        "Yann Le Gall",
        "fr",
        "Europe/Paris",
        "Douarnenez. Fils de marin. Je répare des bateaux et parfois des gens, un peu, avec des mots.",
    ),
    Member(
        "sofiane_k",
        "Sofiane Kaci",
        "fr",
        "Europe/Paris",
        "Donneur de sang depuis mes 18 ans, bénévole à l'amicale de Villeurbanne. Une poche = trois vies. #dondusang",
    ),
    Member(
        "lea_moreau",
        "Léa Moreau",
        "fr",
        "Europe/Paris",
        "Nantes. Illustratrice. Humaine de Biscotte (chatte tigrée, caractère de cochon, cœur immense).",
    ),
    Member(
        "helene_dubois",
        "Hélène Dubois",
        "fr",
        "Europe/Paris",
        "Bénévole d'accompagnement en soins palliatifs depuis douze ans. J'écoute beaucoup, je parle peu.",
    ),
    Member(
        "thomas_petit",
        "Thomas Petit",
        "fr",
        "Europe/Paris",
        "Jeune papa de Lou, 5 semaines. Je découvre qu'on peut aimer quelqu'un qui vous vomit dessus.",
    ),
    Member(
        "nadia_benali",
        "Nadia Benali",
        "fr",
        "Europe/Paris",
        "Pharmacienne à Roubaix. Je collectionne les petits mercis du quotidien.",
    ),
    Member(
        "olivier_marchand",
        "Olivier Marchand",
        "fr",
        "Europe/Paris",
        "Aumônier à l'hôpital de Rennes. Toutes les croyances, et aucune, sont bienvenues à ma porte.",
    ),
    Member(
        "anne_sophie",
        "Anne-Sophie Laurent",
        "fr",
        "Europe/Paris",
        "Professeure de français. Maman est partie en janvier, d'un cancer du pancréas. J'écris pour ne pas oublier.",
    ),
    Member(
        "lucas_girard",
        "Lucas Girard",
        "fr",
        "Europe/Paris",
        "Étudiant en deuxième année de droit à Bordeaux. Plutôt anxieux. Plutôt gentil aussi, paraît-il.",
    ),
    Member(
        "mamie_jo",
        "Josiane Fabre",
        "fr",
        "Europe/Paris",
        "78 ans, 6 petits-enfants, 1 arrière-petite-fille. Je tricote des bonnets pour la néonatologie de Montpellier.",
    ),
    Member(
        "claire_vidal",
        "Claire Vidal",
        "fr",
        "Europe/Paris",
        "Journaliste locale à Marseille. Ici, je relaie les appels et les bonnes nouvelles, pas les polémiques.",
    ),
    Member(
        "bruno_lefevre",
        "Bruno Lefèvre",
        "fr",
        "Europe/Paris",
        "Papa de Maxime (2004-2023). Je n'écris que pour ceux qui me suivent.",
        locked=True,
    ),
    Member(
        "ines_roche",
        "Inès Roche",
        "fr",
        "Europe/Paris",
        "Sage-femme libérale à Toulouse. Les questions des jeunes parents sont toutes légitimes, même à 3 h du matin.",
    ),
    Member(
        "gaelle_martin",
        "Gaëlle Martin",
        "fr",
        "Europe/Paris",
        "Bénévole au refuge de Saint-Herblain. Je partage les avis de recherche d'animaux perdus. #animalperdu",
    ),
    Member(
        "julien_chevalier",
        "Julien Chevalier",
        "fr",
        "Europe/Paris",
        "Sapeur-pompier volontaire dans la Drôme. Le reste du temps, boulanger.",
    ),
    Member(
        "aminata_diallo",
        "Aminata Diallo",
        "fr",
        "Europe/Paris",
        "J'anime un groupe de parole pour les parents en deuil périnatal. Compte privé pour protéger les familles.",
        locked=True,
    ),
    Member(
        "marieclaire_qc",
        "Marie-Claire Tremblay",
        "fr",
        "America/Toronto",
        "Québécoise, bilingue, travailleuse sociale. J'écris en français pis in English, selon l'humeur.",
    ),
    Member(
        "fatou_sow",
        "Fatou Sow",
        "fr",
        "Europe/Paris",
        "Entre Dakar et Paris. Je prie pour ceux qui me le demandent, et pour les autres aussi.",
    ),
    Member(
        "sarah_okafor",
        "Sarah Okafor",
        "en",
        "Europe/London",
        "London. Mum to twins Ada and Tobi (born at 33 weeks, now thriving). Running on tea and stubbornness.",
    ),
    Member(
        "dan_walsh",
        "Dan Walsh",
        "en",
        "Europe/Dublin",
        "Dublin. Lost my dad in the spring. Learning that grief is just love with nowhere to go.",
    ),
    Member(
        "mei_lin",
        "Mei Lin",
        "en",
        "America/Vancouver",
        "Hospice nurse in Vancouver. I hold a lot of hands. Sometimes mine need holding too.",
    ),
    Member(
        "tom_hughes",
        "Tom Hughes",
        "en",
        "Europe/London",
        "Cardiff. O negative, so the blood service has my number on speed dial. Organiser of the Splott donor days.",
    ),
    Member(
        "priya_nair",
        "Priya Nair",
        "en",
        "Europe/London",
        "Manchester. Software tester by day. Human of Pepper, a very fast and very stupid whippet.",
    ),
    Member(
        "grace_mitchell",
        "Grace Mitchell",
        "en",
        "Europe/London",
        "Edinburgh. Retired librarian. Jim and I were married 38 years. I write about him so he stays near.",
    ),
    Member(
        "oliver_bennett",
        "Oliver Bennett",
        "en",
        "Europe/London",
        "Primary school teacher in Leeds. Collector of small kindnesses and terrible puns.",
    ),
    Member(
        "rachel_cohen",
        "Rachel Cohen",
        "en",
        "Europe/London",
        "Hospital chaplain in Leeds. Listening is most of the job.",
    ),
    Member(
        "sam_taylor",
        "Sam Taylor",
        "en",
        "Europe/London",
        "Bristol. They/them. Peer supporter on a mental health line. Having a hard year, being honest about it.",
    ),
    Member(
        "kwame_asante",
        "Kwame Asante",
        "en",
        "Europe/London",
        "Paramedic in Birmingham. What we see stays with us; what we share gets lighter.",
    ),
    Member(
        "emily_robertson",
        "Emily Robertson",
        "en",
        "America/New_York",
        "Boston. First-time mum. Our son Finn spent 41 days in the NICU. #NICU",
    ),
    Member(
        "jack_murphy",
        "Jack Murphy",
        "en",
        "Europe/Dublin",
        "Cork. Dad of Ciarán, forever 19. Followers only, because some things are for friends.",
        locked=True,
    ),
    Member(
        "ruth_evans",
        "Ruth Evans",
        "en",
        "Europe/London",
        "Swansea. Retired midwife, 81. I delivered half the town and now I knit for the other half.",
    ),
    Member(
        "noah_williams",
        "Noah Williams",
        "en",
        "Europe/London",
        "Editor at the Riverside Gazette. Sharing appeals, vigils and good news from our valley.",
    ),
    Member(
        "alex_dupont",
        "Alex Dupont",
        "en",
        "Europe/London",
        "French in London for ten years. I write in both languages, and dream in neither anymore.",
    ),
]


# --- Stories (long Markdown posts) ---------------------------------------------------------------

STORY_MAMAN = """\
Il y a des choses qu'on n'apprend qu'en perdant quelqu'un. Maman est partie le 14 janvier, \
onze mois après le diagnostic : un cancer du pancréas, « découvert tard, comme souvent », \
nous a dit l'oncologue avec une douceur que je n'oublierai pas.

Je l'écris ici parce que beaucoup d'entre vous m'ont écrit pendant ces onze mois, \
et que je ne sais pas remercier autrement.

## Le jour du diagnostic

Elle avait mal au dos depuis l'été. On croyait tous à un lumbago, elle jardinait trop. \
Puis la jaunisse, les examens, et ce rendez-vous un mardi à 14 h où elle m'a demandé de venir \
« au cas où ». Elle savait déjà, je crois.

En sortant, elle a voulu un chocolat chaud. Pas pleurer, pas téléphoner à mon frère : \
un chocolat chaud, au café en face de l'hôpital. Elle m'a dit :

> On va faire les choses dans l'ordre. D'abord le chocolat. Ensuite on verra.

C'est devenu notre phrase. D'abord le chocolat.

## Ce qu'elle m'a appris en partant

- **Qu'on peut rire jusqu'au bout.** La veille de sa mort, elle s'est moquée de mon écharpe.
- **Qu'il faut dire les choses.** Elle a appelé ses deux sœurs, avec qui elle était fâchée \
  depuis vingt ans. Une heure au téléphone chacune. Je n'ai jamais su de quoi elles ont parlé.
- **Que les soignants sont des géants.** L'équipe de soins palliatifs de l'hôpital a été \
  d'une humanité que je ne soupçonnais pas. Merci à Karine, l'infirmière de nuit, qui lui tenait \
  la main quand je dormais.
- **Qu'on n'est jamais prêt.** On me l'avait dit. Je ne le croyais pas.

## Et maintenant

Je corrige mes copies le soir à sa table de cuisine. Je n'ai pas encore vidé ses placards. \
Je n'arrive pas à supprimer son numéro de mon téléphone et je crois que je ne le ferai jamais.

Si vous avez mal au dos depuis des mois, si votre mère a le teint jaune, \
allez voir un médecin. Demain. S'il vous plaît.

Et si vous perdez quelqu'un : d'abord le chocolat. Ensuite on verra.

*Merci d'avoir lu jusqu'ici. Serrez les vôtres très fort.* #deuil #cancer #réconfort
"""

STORY_JIM = """\
Jim died on the third of June, in the front room, with the window open because he wanted \
to hear the blackbird. It was bowel cancer. He was sixty-four.

People have asked me to write about the last year, so here it is, as honestly as I can manage.

## The diagnosis

We had booked a walking holiday on Skye. Jim kept saying he was tired, and I kept saying \
we were both getting old. The GP sent him for a scan "just to be thorough". \
Stage four, spread to the liver. The consultant was kind and very clear. \
Twelve to eighteen months with treatment.

Jim asked one question: "Can I still go to Skye?" She said yes. So we went.

## What helped

1. **Saying yes to help.** Our neighbour Morag brought soup twice a week for nine months. \
I never once had to ask.
2. **A notebook by the bed.** Every question for the nurses went in it, so the 3 a.m. worries \
had somewhere to go.
3. **The hospice at home team.** They taught me how to move him without hurting either of us, \
and they never, ever made me feel stupid.
4. **Strangers online.** Some of you sent candles and messages every single week. \
I read them aloud to him. He liked the Welsh lady who sent knitting patterns.

## What I would tell you

Go to the doctor when you are tired in a way that sleep does not fix. \
Book the holiday. Write down their laugh somehow — I have a voice note of Jim \
telling a terrible joke about a penguin and I would not trade it for anything.

The blackbird still comes every evening. I leave the window open.

*Hug yours tight.* #grief #cancer #hugyourstight
"""

STORY_PAPA = """\
Mon père s'appelait Hervé. Il était patron pêcheur à Douarnenez, \
et il a disparu en mer un matin de novembre, avec son matelot Loïc, \
à six milles de la pointe du Raz.

On n'a retrouvé que le canot de survie, vide.

## Le dernier message

La veille, à 22 h 14, il avait publié une photo du port, \
avec ces mots que toute la ville a partagés depuis :

> La mer est belle ce soir. Demain on sort tôt. Je l'aime, cette garce.

C'était lui, tout entier. Pendant des semaines, des gens que je ne connaissais pas \
ont partagé cette photo. Des marins du Guilvinec, de Concarneau, \
des gens de Paris qui n'avaient jamais vu un chalutier. Certains trouvent ça morbide. \
Moi, ça m'a porté. C'était comme si toute la côte posait une fleur sur une tombe qu'on n'a pas.

## Ce que la communauté a fait

- La SNSM a cherché pendant quatre jours. Je ne pourrai jamais assez les remercier.
- Les femmes du port ont organisé une veillée sur le quai, avec des bougies dans des bocaux.
- Une cagnotte a aidé la famille de Loïc, qui avait deux petits.

## Aujourd'hui

Je répare des bateaux. Je ne sors plus en mer, ou rarement, par beau temps. \
Chaque 17 novembre, on allume une bougie sur le quai et on lit les noms \
de tous ceux que la mer a gardés.

Si vous avez un marin dans votre vie, dites-lui que vous l'aimez avant qu'il sorte. \
Il fera semblant de trouver ça idiot. Dites-le quand même.

#deuil #marins #réconfort
"""


POSTS = [
    # --- Day 1: welcome, first appeals -----------------------------------------------------------
    DemoPost(
        "welcome",
        "equipe",
        "Bienvenue sur Réconfort 🫂 Ici, pas de « j'aime » : on offre un câlin, une bougie, une prière, "
        "des fleurs ou un cœur. Prenez soin les uns des autres, et de vous. #réconfort\n\n"
        "Welcome to Réconfort. No likes here: you can give a hug, a candle, a prayer, flowers or a heart. "
        "Be gentle with each other, and with yourself.",
        kind="news",
    ),
    DemoPost(
        "camille-night",
        "camille_roux",
        "3 h 40. Jules a enfin lâché le sein, je le regarde respirer. Je reprends le travail de nuit dans "
        "deux semaines et je ne sais pas comment je vais faire. Est-ce que d'autres mamans soignantes sont passées "
        "par là ? #jeunesmamans",
        kind="support_request",
    ),
    DemoPost(
        "camille-night-r1",
        "ines_roche",
        "Vous n'êtes pas seule. Beaucoup de soignantes négocient une reprise à temps partiel ou en jour les premiers "
        "mois : demandez à la médecine du travail, c'est votre droit de poser la question. Et dormez dès que Jules "
        "dort, la vaisselle attendra 💛",
        reply_to="camille-night",
    ),
    DemoPost(
        "camille-night-r2",
        "mamie_jo",
        "J'ai fait les nuits à la clinique avec trois petits à la maison, en 1971. On y arrive, ma belle, "
        "mais pas toute seule. Laissez les gens vous aider, même votre belle-mère 😉",
        reply_to="camille-night",
    ),
    DemoPost(
        "camille-night-r3",
        "camille_roux",
        "@mamie_jo vous m'avez fait rire à 4 h du matin, merci. Même ma belle-mère, promis.",
        reply_to="camille-night-r2",
    ),
    DemoPost(
        "biscotte-lost",
        "lea_moreau",
        "Biscotte a disparu depuis hier soir, quartier Chantenay à Nantes 😢 Chatte tigrée, 6 ans, tache blanche "
        "sur le nez, pas de collier mais pucée. Elle est peureuse, elle doit être cachée dans un garage ou une "
        "cave. Si vous êtes du coin, pouvez-vous jeter un œil ? Partagez s'il vous plaît 🙏 #animalperdu",
        kind="support_request",
    ),
    DemoPost(
        "biscotte-lost-r1",
        "gaelle_martin",
        "Partagé dans le groupe du refuge. Ouvrez vos garages et vos caves autour de la rue des Réformes, "
        "les chats peureux restent souvent à moins de 500 m de chez eux. Posez sa litière usagée devant la porte, "
        "l'odeur les guide.",
        reply_to="biscotte-lost",
    ),
    DemoPost(
        "tom-donor",
        "tom_hughes",
        "Splott donor day this Saturday, 9 to 4 at the community hall. Last month 62 of you turned up and "
        "the blood service said it covered a week of the trauma unit's O negative. Bring a friend, bring ID, "
        "eat a proper breakfast. Biscuits are on me. #blooddonation",
        kind="news",
    ),
    DemoPost(
        "dan-dad",
        "dan_walsh",
        "Six months today since Dad died. I still pick up the phone on Sunday evenings to ring him about the match. "
        "Today I let it ring out on his old number and just listened to the tone. Is that mad? #grief",
        kind="memorial",
    ),
    DemoPost(
        "dan-dad-r1",
        "mei_lin",
        "It isn't mad at all. I've sat with so many families, and the rituals people keep are how the love keeps "
        "moving. Sunday evenings can stay his. Be gentle with yourself today.",
        reply_to="dan-dad",
    ),
    DemoPost(
        "dan-dad-r2",
        "grace_mitchell",
        "I still set two cups out some mornings. Not mad, Dan. Just love, carrying on out of habit.",
        reply_to="dan-dad",
    ),
    DemoPost(
        "dan-dad-r3",
        "dan_walsh",
        "Thank you both. I didn't expect to cry at a reply from a stranger in Edinburgh, but here we are.",
        reply_to="dan-dad-r2",
    ),
    # --- Day 2: blood after a tragedy --------------------------------------------------------------
    DemoPost(
        "tram-news",
        "claire_vidal",
        "Après l'accident du tram hier soir boulevard Longchamp, l'EFS de la Timone lance un appel urgent au don "
        "de sang, tous groupes, en particulier O+ et O-. Ouvert aujourd'hui et demain jusqu'à 19 h. Pensées pour "
        "les blessés et leurs familles. #dondusang #Marseille",
        kind="news",
    ),
    DemoPost(
        "tram-sofiane",
        "sofiane_k",
        "Je viens de voir l'appel pour Marseille. Si vous êtes à Lyon et que vous voulez aider aussi : les stocks "
        "sont partagés au niveau national, un don ici aide là-bas. J'y vais ce midi, qui m'accompagne ? "
        "#DonDuSang",
    ),
    DemoPost(
        "tram-sofiane-r1",
        "nadia_benali",
        "Moi ! Première fois que je donne depuis la naissance de ma fille. Un peu stressée, "
        "il faut manger avant, c'est ça ?",
        reply_to="tram-sofiane",
    ),
    DemoPost(
        "tram-sofiane-r2",
        "sofiane_k",
        "@nadia_benali oui, surtout ne venez pas à jeun ! Un vrai repas, beaucoup d'eau. Et on reste 20 minutes "
        "à la collation après, c'est obligatoire et c'est le meilleur moment 😄",
        reply_to="tram-sofiane-r1",
    ),
    DemoPost(
        "tram-julien",
        "julien_chevalier",
        "On était en renfort cette nuit. Je ne raconterai pas ce que j'ai vu. Je dirai juste : les passants qui se "
        "sont couchés dans le froid à côté des blessés pour leur parler en attendant les secours, vous êtes des "
        "héros et vous ne le savez même pas. Allez donner votre sang.",
    ),
    DemoPost(
        "tram-olivier",
        "olivier_marchand",
        "Une prière pour les blessés du tram de Marseille, pour leurs familles qui attendent dans les couloirs, "
        "et pour les soignants qui ne dormiront pas cette nuit. Qui que vous priiez, ou pas : une pensée suffit. "
        "#prière",
        kind="memorial",
    ),
    DemoPost(
        "helene-listen",
        "helene_dubois",
        "Ce que m'a dit un monsieur de 92 ans hier, en soins palliatifs : « Je n'ai pas peur de mourir, j'ai peur "
        "qu'on ne parle plus de ma femme quand je ne serai plus là pour le faire. » Alors je lui ai demandé de me "
        "parler d'elle. Une heure. Elle s'appelait Simone et elle dansait le tango. #soinspalliatifs",
    ),
    DemoPost(
        "helene-listen-r1",
        "rachel_cohen",
        "(In English, sorry, my French is only good enough to read.) This is the whole job, isn't it. "
        "Now Simone is remembered by both of us too.",
        reply_to="helene-listen",
        language="en",
    ),
    DemoPost(
        "helene-listen-r2",
        "helene_dubois",
        "@rachel_cohen Yes, that is the whole job. And now by everyone who read this. Simone would have liked that.",
        reply_to="helene-listen-r1",
        language="en",
    ),
    DemoPost(
        "twins-home",
        "sarah_okafor",
        "Five weeks in special care and today Ada and Tobi came HOME. I am sitting on the sofa with one on each arm "
        "and I cannot reach my tea and I don't care. Thank you to every nurse at the Royal London neonatal unit. "
        "You are magic. #NICU #newparents",
        kind="gratitude",
    ),
    DemoPost(
        "twins-home-r1",
        "emily_robertson",
        "Oh this made me cry happy tears. We were 41 days in. Going home day is the best day. "
        "Enjoy every sleepless minute ❤️",
        reply_to="twins-home",
    ),
    DemoPost(
        "twins-home-r2",
        "ruth_evans",
        "Congratulations, Sarah. Drink the tea cold, it's a rite of passage. Would the twins like matching hats? "
        "I have yellow wool and nothing to do with it.",
        reply_to="twins-home",
    ),
    DemoPost(
        "twins-home-r3",
        "sarah_okafor",
        "@ruth_evans they would LOVE matching hats. I'm genuinely tearing up at a stranger offering "
        "to knit for my babies.",
        reply_to="twins-home-r2",
    ),
    # --- Day 3: stories and gratitude ---------------------------------------------------------------
    DemoPost(
        "story-maman",
        "anne_sophie",
        STORY_MAMAN,
        kind="memorial",
        title="D'abord le chocolat : ce que maman m'a appris en partant",
    ),
    DemoPost(
        "story-maman-r1",
        "martine_b",
        "J'ai lu votre texte deux fois. Gérard aussi, c'est allé très vite, et l'équipe de soins palliatifs a été "
        "formidable. D'abord le chocolat : je le garde. Je vous embrasse.",
        reply_to="story-maman",
    ),
    DemoPost(
        "story-maman-r2",
        "anne_sophie",
        "@martine_b merci Martine. Je pense souvent à vous et à votre jardin.",
        reply_to="story-maman-r1",
    ),
    DemoPost(
        "story-maman-r3",
        "alex_dupont",
        "Lu dans le métro, et j'ai appelé ma mère en sortant. Elle m'a demandé si j'avais des problèmes 😅 "
        "Merci pour ce texte.",
        reply_to="story-maman",
        language="fr",
    ),
    DemoPost(
        "nadia-thanks",
        "nadia_benali",
        "Petit merci du jour : un monsieur est revenu à la pharmacie juste pour dire que grâce à notre conseil, "
        "sa femme a consulté à temps. Il m'a apporté des macarons. Je ne pleure pas, c'est les allergies. #merci",
        kind="gratitude",
    ),
    DemoPost(
        "oliver-thanks",
        "oliver_bennett",
        "To the stranger who paid for my coffee this morning and said 'you look like you've had a week': I had. "
        "You changed it. I'm going to do the same for someone tomorrow. #gratitude",
        kind="gratitude",
    ),
    DemoPost(
        "oliver-thanks-r1",
        "kwame_asante",
        "Paying it forward tomorrow too. Long night shift, a coffee from a stranger would have been everything.",
        reply_to="oliver-thanks",
    ),
    DemoPost(
        "lucas-help",
        "lucas_girard",
        "Mon grand-père est en soins palliatifs depuis lundi et j'ai mes partiels dans dix jours. Je n'arrive à "
        "réviser ni à aller le voir sans m'effondrer. Je me sens nul de penser aux examens en ce moment. "
        "Quelqu'un a vécu ça ? #deuil",
        kind="support_request",
    ),
    DemoPost(
        "lucas-help-r1",
        "helene_dubois",
        "Vous n'êtes pas nul, Lucas. Votre grand-père serait sûrement fier que vous pensiez à vos études. "
        "Allez le voir même si vous pleurez : ce n'est pas grave de pleurer devant lui. Et parlez à votre fac, "
        "les aménagements existent pour ça.",
        reply_to="lucas-help",
    ),
    DemoPost(
        "lucas-help-r2",
        "marieclaire_qc",
        "J'ai vécu exactement ça en 2015, avec mes examens du Barreau. J'ai révisé à côté de son lit, à voix haute. "
        "Il corrigeait mes fautes de grammaire. C'est un de mes plus beaux souvenirs. Lâche pas 💙",
        reply_to="lucas-help",
    ),
    DemoPost(
        "lucas-help-r3",
        "lucas_girard",
        "Merci à vous deux. Je lui ai lu mon cours de droit des obligations cet aprèm. Il a dit que c'était "
        "« assommant mais bien expliqué ». Je crois que c'est un compliment.",
        reply_to="lucas-help-r2",
    ),
    DemoPost(
        "priya-pepper",
        "priya_nair",
        "LOST DOG, Chorlton / Chorlton Water Park. Pepper, grey whippet, blue harness, very nervous. Slipped her lead "
        "chasing a squirrel at 7am. Please don't chase her, just call me or tell me where you saw her. "
        "Please boost 🙏 #lostpet #Manchester",
        kind="support_request",
    ),
    DemoPost(
        "priya-pepper-r1",
        "oliver_bennett",
        "Boosted. My sister lives by the water park, she's going out with her dogs to look.",
        reply_to="priya-pepper",
    ),
    # --- Day 4 -------------------------------------------------------------------------------------------
    DemoPost(
        "story-jim",
        "grace_mitchell",
        STORY_JIM,
        kind="memorial",
        title="The blackbird: the last year with Jim",
    ),
    DemoPost(
        "story-jim-r1",
        "mei_lin",
        "Grace, the notebook by the bed is the best advice I could give any family, and I've never seen it put so "
        "simply. May I share this with our volunteers?",
        reply_to="story-jim",
    ),
    DemoPost(
        "story-jim-r2",
        "grace_mitchell",
        "@mei_lin of course. Jim would be pleased to be useful. He always was.",
        reply_to="story-jim-r1",
    ),
    DemoPost(
        "story-jim-r3",
        "ruth_evans",
        "I'm the Welsh lady with the knitting patterns! I didn't know you read them to him. "
        "Sending you a big hug, Grace.",
        reply_to="story-jim",
    ),
    DemoPost(
        "biscotte-found",
        "lea_moreau",
        "RETROUVÉE !!! 🎉 Biscotte était coincée dans le sous-sol d'un immeuble à deux rues, c'est un voisin qui "
        "a lu le message partagé par @gaelle_martin et qui l'a entendue miauler. Elle est sale, affamée, furieuse "
        "et parfaite. Merci merci merci à tous. #animalperdu #merci",
        kind="gratitude",
        reply_to="biscotte-lost",
    ),
    DemoPost(
        "biscotte-found-r1",
        "gaelle_martin",
        "Ça c'est la meilleure nouvelle de la semaine 😭 Un gros câlin à Biscotte (si elle se laisse faire).",
        reply_to="biscotte-found",
    ),
    DemoPost(
        "bruno-maxime",
        "bruno_lefevre",
        "Maxime aurait eu 21 ans aujourd'hui. J'ai acheté un gâteau au chocolat, son préféré, et je l'ai mangé "
        "avec sa sœur sur le banc du stade où il jouait. Merci à vous qui me suivez en silence depuis deux ans. "
        "Votre silence me tient compagnie.",
        kind="memorial",
        visibility="private",
    ),
    DemoPost(
        "bruno-maxime-r1",
        "helene_dubois",
        "Je pense à vous, Bruno, et à Maxime sur ce banc. Bon anniversaire à lui.",
        reply_to="bruno-maxime",
        visibility="private",
    ),
    DemoPost(
        "thomas-dad",
        "thomas_petit",
        "Personne ne m'avait dit qu'on pouvait passer 40 minutes à regarder un bébé dormir en se demandant s'il "
        "respire encore, puis le réveiller en vérifiant. Les jeunes papas aussi ont le droit d'être perdus, non ? "
        "#jeunesmamans (et papas)",
        kind="support_request",
    ),
    DemoPost(
        "thomas-dad-r1",
        "ines_roche",
        "Complètement le droit. C'est même très courant ! Si l'angoisse prend trop de place, parlez-en à votre "
        "sage-femme ou au médecin : la dépression post-partum existe aussi chez les pères. Et non, il ne faut "
        "pas le réveiller 😄",
        reply_to="thomas-dad",
    ),
    DemoPost(
        "thomas-dad-r2",
        "camille_roux",
        "Mon conjoint fait exactement pareil. On a fini par acheter un tapis à capteur juste pour qu'il dorme, lui.",
        reply_to="thomas-dad",
    ),
    DemoPost(
        "sam-hard",
        "sam_taylor",
        "Content note for this one. First Christmas without my mum is coming up and everyone keeps asking about "
        "plans. I don't have any. I don't want any. I'm not in danger, I'm just very tired of pretending. "
        "Anyone else dreading December?",
        kind="support_request",
        spoiler_text="grief, the holidays",
    ),
    DemoPost(
        "sam-hard-r1",
        "rachel_cohen",
        "You don't have to have plans, Sam. Some people I know made a 'no tinsel' day: a walk, a film, the phone "
        "off. And some days you just get through. If the tiredness gets heavier, please reach out to someone "
        "near you too.",
        reply_to="sam-hard",
    ),
    DemoPost(
        "sam-hard-r2",
        "dan_walsh",
        "Dreading it with you. Want to be no-tinsel buddies? I'll message you on the 25th, you can ignore me.",
        reply_to="sam-hard",
    ),
    DemoPost(
        "sam-hard-r3",
        "sam_taylor",
        "@dan_walsh deal. I might even answer.",
        reply_to="sam-hard-r2",
    ),
    # --- Day 5 ----------------------------------------------------------------------------------------------
    DemoPost(
        "river-news",
        "noah_williams",
        "The vigil for the three young people lost in the flooding at Aberdare Road will be on Friday at 7pm by the "
        "footbridge. Families have asked for candles, not flowers, and for no photographs. The blood service will "
        "also be at the leisure centre all weekend. #blooddonation",
        kind="news",
    ),
    DemoPost(
        "river-news-r1",
        "tom_hughes",
        "We'll bring the Splott crew over on Saturday morning. Car share thread below if anyone needs a lift.",
        reply_to="river-news",
    ),
    DemoPost(
        "river-news-r2",
        "kwame_asante",
        "Thinking of the crews who were there. Look after each other, and talk to someone. It doesn't go away "
        "by itself.",
        reply_to="river-news",
    ),
    DemoPost(
        "fatou-prayer",
        "fatou_sow",
        "Une maman de ma paroisse a perdu son bébé à la naissance la semaine dernière. Elle m'a demandé qu'on prie "
        "pour elle, et qu'on dise le prénom de sa fille : Awa. Si vous passez par ici, dites-le avec moi. Awa. 🕯️",
        kind="memorial",
    ),
    DemoPost(
        "fatou-prayer-r1",
        "aminata_diallo",
        "Awa. Je pense à sa maman. Si elle en ressent le besoin un jour, notre groupe de parole se réunit le "
        "premier jeudi du mois, elle peut venir sans rien dire, juste écouter.",
        reply_to="fatou-prayer",
    ),
    DemoPost(
        "fatou-prayer-r2",
        "olivier_marchand",
        "Awa. 🙏",
        reply_to="fatou-prayer",
    ),
    DemoPost(
        "emily-nicu",
        "emily_robertson",
        "One year ago today we brought Finn home after 41 days in the NICU. He now says 'dog' to every animal "
        "including a swan. Thank you to the nurses who sang to him when I couldn't be there. You're why I can "
        "write this. #NICU #gratitude",
        kind="gratitude",
    ),
    DemoPost(
        "jack-ciaran",
        "jack_murphy",
        "Ciarán's friends came round tonight, all seven of them, for the anniversary. They told stories I'd never "
        "heard. Apparently he once got a whole bus to sing happy birthday to the driver. I laughed for the first "
        "time in a long while. Thank you, lads.",
        kind="memorial",
        visibility="private",
    ),
    DemoPost(
        "mamie-hats",
        "mamie_jo",
        "Livraison du mois à la néonat : 34 petits bonnets et 12 couvertures. Une infirmière m'a dit qu'un des "
        "bonnets de janvier était reparti avec une petite fille de 900 grammes, aujourd'hui en pleine forme. "
        "Je tricoterai jusqu'à ce que mes doigts disent stop. #jeunesmamans #merci",
        kind="gratitude",
    ),
    DemoPost(
        "mamie-hats-r1",
        "ruth_evans",
        "From one knitter to another: bravo, Josiane! I did 28 this month for Singleton Hospital. Shall we have a "
        "friendly competition? 🧶",
        reply_to="mamie-hats",
        language="en",
    ),
    DemoPost(
        "mamie-hats-r2",
        "mamie_jo",
        "@ruth_evans Challenge accepted, Ruth! Mais je vous préviens, je tricote pendant les feuilletons.",
        reply_to="mamie-hats-r1",
    ),
    # --- Day 6 ------------------------------------------------------------------------------------------------
    DemoPost(
        "story-papa",
        "yann_legall",
        STORY_PAPA,
        kind="memorial",
        title="« La mer est belle ce soir » : le dernier message de mon père",
    ),
    DemoPost(
        "story-papa-r1",
        "julien_chevalier",
        "Respect à la SNSM, et à vous. Chez nous, on a une minute de silence pour les disparus en mer chaque "
        "année à la caserne, même si on est dans la Drôme. Je penserai à Hervé et Loïc.",
        reply_to="story-papa",
    ),
    DemoPost(
        "story-papa-r2",
        "alex_dupont",
        "Read this in French and then translated it for my English partner, who is from a fishing family in "
        "Whitby. We both sat quietly for a while. Thank you, Yann.",
        reply_to="story-papa",
    ),
    DemoPost(
        "pepper-found",
        "priya_nair",
        "PEPPER IS HOME. A dog walker spotted her curled up under a bench by the Mersey and sat with her for an "
        "hour feeding her bits of sausage roll until I arrived. To the woman in the red coat: I didn't get your "
        "name, but you are my hero. #lostpet #gratitude",
        kind="gratitude",
        reply_to="priya-pepper",
    ),
    DemoPost(
        "marieclaire-bilingual",
        "marieclaire_qc",
        "Petite réflexion du soir : au travail, on me demande souvent quoi dire à quelqu'un en deuil. "
        "Ma réponse : « Je ne sais pas quoi dire, mais je suis là. » C'est suffisant. "
        "In English: 'I don't know what to say, but I'm here.' That's enough. #deuil #grief",
    ),
    DemoPost(
        "marieclaire-bilingual-r1",
        "oliver_bennett",
        "Writing this on a sticky note for the staff room. Merci!",
        reply_to="marieclaire-bilingual",
    ),
    DemoPost(
        "mei-shift",
        "mei_lin",
        "Hard shift. We lost two patients tonight, both peacefully, both with family there. I sat in my car for "
        "twenty minutes before driving home, and that's okay. Nurses, carers: how do you put it down at the end "
        "of the day?",
        kind="support_request",
    ),
    DemoPost(
        "mei-shift-r1",
        "camille_roux",
        "Je réponds en français, j'espère que ça passe : moi, je me lave les mains en sortant et je dis "
        "leur prénom dans ma tête. Ensuite, je laisse ça à l'hôpital. Pas toujours facile.",
        reply_to="mei-shift",
        language="fr",
    ),
    DemoPost(
        "mei-shift-r2",
        "kwame_asante",
        "Music, loud, on the drive home. And on the bad nights I text my crewmate 'you good?' and we both say yes "
        "and we both know. That helps more than it sounds.",
        reply_to="mei-shift",
    ),
    DemoPost(
        "mei-shift-r3",
        "mei_lin",
        "@camille_roux I understood, and I love that. Saying their name on the way out. I'm going to do that.",
        reply_to="mei-shift-r1",
    ),
    DemoPost(
        "sofiane-100",
        "sofiane_k",
        "100e don aujourd'hui 🩸 J'ai commencé à 18 ans parce que mon petit frère a eu besoin de transfusions "
        "après un accident de scooter. Il a 30 ans, deux enfants, et il m'a accompagné ce matin. "
        "Si vous hésitez : c'est 10 minutes, et quelque part quelqu'un rentre chez lui. #dondusang #merci",
        kind="gratitude",
    ),
    DemoPost(
        "sofiane-100-r1",
        "tom_hughes",
        "100! Legend. From one donor to another: diolch, merci, thank you. Your brother must be so proud.",
        reply_to="sofiane-100",
        language="en",
    ),
    # --- Day 7 ----------------------------------------------------------------------------------------------------
    DemoPost(
        "aminata-group",
        "aminata_diallo",
        "Groupe de parole jeudi : quatre mamans et, pour la première fois, deux papas. L'un d'eux n'avait jamais "
        "dit le prénom de son fils à voix haute depuis 3 ans. Il l'a dit. Théo. On a tous pleuré. "
        "Merci à eux pour leur confiance.",
        kind="memorial",
        visibility="private",
    ),
    DemoPost(
        "martine-garden",
        "martine_b",
        "Premières tomates du potager de Gérard. Il les plantait toujours trop serrées, je les ai plantées trop "
        "serrées aussi. Elles sont délicieuses. Serrez les vôtres très fort, comme des tomates. #deuil",
        kind="memorial",
    ),
    DemoPost(
        "martine-garden-r1",
        "grace_mitchell",
        "(I used a translator, I hope I understood.) Jim's sweet peas came up this year too. They are always the "
        "ones we didn't plant ourselves that hurt the most, and help the most.",
        reply_to="martine-garden",
        language="en",
    ),
    DemoPost(
        "martine-garden-r2",
        "martine_b",
        "@grace_mitchell You understood perfectly. Merci Grace, from my garden to yours 💐",
        reply_to="martine-garden-r1",
        language="en",
    ),
    DemoPost(
        "alex-two-languages",
        "alex_dupont",
        "When my grandmother died in Lyon, I grieved in French and then had to explain it all at work in English. "
        "Some words don't cross the Channel. 'Recueillement' doesn't have a good translation. Neither does the "
        "silence at a Sunday lunch with one chair empty.",
        kind="memorial",
    ),
    DemoPost(
        "alex-two-languages-r1",
        "marieclaire_qc",
        "Grieving between two languages is its own kind of lonely. I feel this one. Je t'envoie un gros câlin.",
        reply_to="alex-two-languages",
    ),
    DemoPost(
        "kwame-thanks",
        "kwame_asante",
        "A family we took to hospital last month found our station and dropped off a card and a tin of biscuits. "
        "Their dad is home. In this job you almost never hear how the story ends. This one ended well. #gratitude",
        kind="gratitude",
    ),
    DemoPost(
        "olivier-night",
        "olivier_marchand",
        "La nuit, à l'hôpital, on ne me demande presque jamais de parler de Dieu. On me demande un verre d'eau, "
        "de tenir une main, d'appeler un fils à l'autre bout du monde. C'est ça aussi, prier.",
    ),
    DemoPost(
        "olivier-night-r1",
        "fatou_sow",
        "Amen. Ou simplement : oui.",
        reply_to="olivier-night",
    ),
    DemoPost(
        "ines-tips",
        "ines_roche",
        "Rappel doux pour les jeunes parents : les pleurs du soir (souvent entre 18 h et 23 h) sont fréquents "
        "entre 2 et 12 semaines. Ce n'est pas de votre faute. Portage, peau à peau, bruit blanc. Et si vous "
        "craquez, posez bébé en sécurité dans son lit et sortez de la pièce cinq minutes. #jeunesmamans",
        kind="news",
    ),
    DemoPost(
        "ines-tips-r1",
        "sarah_okafor",
        "The 'leave the room for five minutes' advice saved my sanity more than once with the twins. "
        "Saying it out loud helps new parents so much.",
        reply_to="ines-tips",
        language="en",
    ),
    # --- Day 8: recent ----------------------------------------------------------------------------------------------
    DemoPost(
        "lucas-grandpa",
        "lucas_girard",
        "Mon grand-père est parti hier soir, tout doucement. J'étais là, je lui lisais encore mon cours. "
        "Je crois qu'il s'est endormi d'ennui, et ça l'aurait fait rire. Merci à tous ceux qui m'ont écrit "
        "la semaine dernière, vous m'avez donné le courage d'aller le voir. #deuil",
        kind="memorial",
    ),
    DemoPost(
        "lucas-grandpa-r1",
        "anne_sophie",
        "Quelle belle dernière image. Prenez soin de vous, Lucas. D'abord le chocolat, ensuite on verra.",
        reply_to="lucas-grandpa",
    ),
    DemoPost(
        "lucas-grandpa-r2",
        "helene_dubois",
        "Il est parti en entendant votre voix. C'est le plus beau cadeau. Je pense à vous.",
        reply_to="lucas-grandpa",
    ),
    DemoPost(
        "sam-better",
        "sam_taylor",
        "Small update for the people who were kind to me last week: I told my sister I don't want to do "
        "Christmas this year. She said 'thank god, neither do I.' We're going to walk up Brandon Hill and eat "
        "chips. Baby steps. #grief",
    ),
    DemoPost(
        "sam-better-r1",
        "rachel_cohen",
        "Chips on a hill with your sister sounds like exactly the right kind of plan. 💙",
        reply_to="sam-better",
    ),
    DemoPost(
        "gaelle-appeal",
        "gaelle_martin",
        "Avis de recherche : Filou, jack russell de 12 ans, perdu à Rezé près du parc de la Morinière. "
        "Il est sourd et a besoin de ses médicaments pour le cœur. Sa maîtresse a 84 ans et ne dort plus. "
        "Partagez, même si vous êtes loin, on ne sait jamais. #animalperdu",
        kind="support_request",
    ),
    DemoPost(
        "yann-candle",
        "yann_legall",
        "Ce soir, bougie sur le quai pour tous ceux que la mer a gardé cette année. On sera une trentaine. "
        "Si vous êtes loin, allumez-en une chez vous, ça compte aussi. 🕯️ #réconfort #Réconfort",
        kind="memorial",
    ),
    DemoPost(
        "equipe-week",
        "equipe",
        "Une semaine de Réconfort. Vous avez retrouvé une chatte et une whippet, organisé deux collectes de sang, "
        "écrit trois histoires qui nous ont fait pleurer et tricoté 62 bonnets. Merci. "
        "A week of Réconfort: thank you for every hug, candle and kind word. #merci #gratitude",
        kind="news",
    ),
]

# Who reshares which post (by key).
RESHARES = [
    ("gaelle_martin", "biscotte-lost"),
    ("camille_roux", "biscotte-lost"),
    ("thomas_petit", "biscotte-lost"),
    ("sofiane_k", "tram-news"),
    ("julien_chevalier", "tram-news"),
    ("nadia_benali", "tram-news"),
    ("claire_vidal", "tram-sofiane"),
    ("oliver_bennett", "priya-pepper"),
    ("sam_taylor", "priya-pepper"),
    ("tom_hughes", "river-news"),
    ("kwame_asante", "tom-donor"),
    ("mei_lin", "story-jim"),
    ("ruth_evans", "story-jim"),
    ("martine_b", "story-maman"),
    ("helene_dubois", "story-maman"),
    ("yann_legall", "story-maman"),
    ("anne_sophie", "story-papa"),
    ("claire_vidal", "gaelle-appeal"),
    ("lea_moreau", "gaelle-appeal"),
    ("sarah_okafor", "ines-tips"),
    ("marieclaire_qc", "lucas-help"),
    ("equipe", "story-maman"),
    ("equipe", "story-jim"),
]

# Follows that must exist whatever the generator draws (locked accounts approve these).
FOLLOWS_ACCEPTED = [
    ("helene_dubois", "bruno_lefevre"),
    ("martine_b", "bruno_lefevre"),
    ("olivier_marchand", "bruno_lefevre"),
    ("fatou_sow", "aminata_diallo"),
    ("ines_roche", "aminata_diallo"),
    ("dan_walsh", "jack_murphy"),
    ("mei_lin", "jack_murphy"),
    ("rachel_cohen", "jack_murphy"),
]

# A post that was edited after it went out (its history keeps the first version).
EDITS = {
    "yann-candle": "Ce soir, bougie sur le quai pour tous ceux que la mer a gardés cette année. On sera une "
    "trentaine. Si vous êtes loin, allumez-en une chez vous, ça compte aussi. 🕯️ #réconfort #Réconfort",
}

# One direct message, to show that visibility exists.
DIRECT_MESSAGES = [
    DemoPost(
        "dm-helene-martine",
        "helene_dubois",
        "@martine_b Je passe à Rennes le 12, si vous voulez qu'on prenne un café et que vous me parliez de "
        "Gérard, ce serait un honneur. Sans obligation aucune.",
        visibility="direct",
    ),
]
