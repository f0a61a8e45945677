package fr.competences.lti;

import fr.competences.errors.LocalizedText;

/**
 * Every reason the tool refuses an LTI exchange, with a message that tells the reader what to do.
 * Templates take their {@code %s} arguments from {@link LtiException}; never a token, key or secret.
 */
public enum LtiError {
    LOGIN_PARAMETER_MISSING(Step.LOGIN, 400,
            "La plateforme n’a pas envoyé « %s » dans la demande de connexion. Relancez l’activité depuis le cours ; "
                    + "si cela persiste, vérifiez la configuration de l’outil dans la plateforme.",
            "The platform did not send \"%s\" in the login request. Launch the activity again from the course; if it "
                    + "persists, check the tool's configuration in the platform."),
    PLATFORM_UNKNOWN(Step.LOGIN, 400,
            "Aucune plateforme n’est enregistrée pour l’issuer « %s » et le client_id « %s ». L’administrateur de "
                    + "l’outil doit d’abord l’enregistrer (enregistrement dynamique ou API d’administration).",
            "No platform is registered for issuer \"%s\" and client_id \"%s\". The tool's administrator must register "
                    + "it first (dynamic registration or admin API)."),
    PLATFORM_AMBIGUOUS(Step.LOGIN, 400,
            "Plusieurs enregistrements existent pour l’issuer « %s » : la plateforme doit envoyer client_id.",
            "Several registrations exist for issuer \"%s\": the platform must send client_id."),
    PLATFORM_DISABLED(Step.LOGIN, 403,
            "L’enregistrement de la plateforme « %s » est désactivé dans l’outil. Contactez l’administrateur de l’outil.",
            "The registration of platform \"%s\" is disabled in the tool. Contact the tool's administrator."),
    TARGET_LINK_FOREIGN(Step.LOGIN, 400,
            "L’adresse de lancement « %s » n’appartient pas à cet outil (%s). Corrigez l’URL de l’outil dans la plateforme.",
            "The launch address \"%s\" does not belong to this tool (%s). Fix the tool URL in the platform."),
    PLATFORM_REFUSED_LOGIN(Step.LAUNCH, 400,
            "La plateforme a refusé la connexion (%s : %s). Relancez l’activité depuis le cours ; si cela persiste, "
                    + "vérifiez les URL de redirection déclarées pour l’outil.",
            "The platform refused the login (%s: %s). Launch the activity again from the course; if it persists, "
                    + "check the redirection URIs declared for the tool."),
    STATE_MISSING(Step.LAUNCH, 400,
            "La réponse de la plateforme ne contient pas de paramètre state : ce lancement n’a pas été commencé par "
                    + "l’outil. Relancez l’activité depuis le cours.",
            "The platform's response has no state parameter: this launch was not started by the tool. Launch the "
                    + "activity again from the course."),
    STATE_INVALID(Step.LAUNCH, 400,
            "Le paramètre state est invalide ou a expiré (validité : 5 minutes). Relancez l’activité depuis le cours.",
            "The state parameter is invalid or expired (valid for 5 minutes). Launch the activity again from the course."),
    STATE_NOT_FROM_THIS_BROWSER(Step.LAUNCH, 401,
            "Ce lancement ne peut pas être rattaché à ce navigateur : il a été commencé ailleurs, ou le navigateur "
                    + "bloque les cookies tiers et le stockage de l’outil dans le cadre de la plateforme. Ouvrez "
                    + "l’outil dans une nouvelle fenêtre.",
            "This launch cannot be tied to this browser: it was started elsewhere, or the browser blocks third-party "
                    + "cookies and the tool's storage inside the platform's frame. Open the tool in a new window."),
    STATE_MISMATCH(Step.LAUNCH, 400,
            "Le paramètre state ne correspond pas à celui que l’outil a remis à ce navigateur. Relancez l’activité "
                    + "depuis le cours.",
            "The state parameter does not match the one the tool gave this browser. Launch the activity again from "
                    + "the course."),
    TOKEN_MISSING(Step.LAUNCH, 400,
            "La plateforme n’a pas envoyé de jeton d’identité (id_token). Relancez l’activité depuis le cours.",
            "The platform sent no identity token (id_token). Launch the activity again from the course."),
    TOKEN_TOO_LARGE(Step.LAUNCH, 413,
            "Le jeton d’identité est trop volumineux (%s caractères, maximum %s).",
            "The identity token is too large (%s characters, at most %s)."),
    TOKEN_MALFORMED(Step.LAUNCH, 400,
            "Le jeton d’identité n’est pas un JWT signé lisible (%s).",
            "The identity token is not a readable signed JWT (%s)."),
    ALGORITHM_REFUSED(Step.LAUNCH, 401,
            "Le jeton est signé avec l’algorithme « %s » : seuls les algorithmes asymétriques (RS256, ES256…) sont "
                    + "acceptés.",
            "The token is signed with algorithm \"%s\": only asymmetric algorithms (RS256, ES256...) are accepted."),
    KEY_UNKNOWN(Step.LAUNCH, 401,
            "La clé « %s » qui signe le jeton n’est pas dans le jeu de clés de la plateforme (%s). Si la plateforme "
                    + "vient de changer de clé, réessayez dans une minute.",
            "The key \"%s\" that signed the token is not in the platform's key set (%s). If the platform just "
                    + "rotated its keys, try again in a minute."),
    KEYS_UNAVAILABLE(Step.LAUNCH, 401,
            "Les clés de la plateforme n’ont pas pu être lues (%s) : la signature ne peut pas être vérifiée. "
                    + "Réessayez ; si cela persiste, vérifiez l’URL du jeu de clés de la plateforme.",
            "The platform's keys could not be read (%s): the signature cannot be verified. Try again; if it "
                    + "persists, check the platform's key set URL."),
    SIGNATURE_INVALID(Step.LAUNCH, 401,
            "La signature du jeton d’identité est invalide.",
            "The identity token's signature is invalid."),
    ISSUER_MISMATCH(Step.LAUNCH, 401,
            "Le jeton a été émis par « %s » alors que la connexion a été demandée pour « %s ».",
            "The token was issued by \"%s\" whereas the login was requested for \"%s\"."),
    AUDIENCE_MISMATCH(Step.LAUNCH, 401,
            "Le jeton n’est pas destiné à cet outil : son audience (aud) ne contient pas le client_id « %s ».",
            "The token is not meant for this tool: its audience (aud) does not contain client_id \"%s\"."),
    AUTHORIZED_PARTY_MISMATCH(Step.LAUNCH, 401,
            "Le jeton a plusieurs audiences mais son azp n’est pas le client_id « %s ».",
            "The token has several audiences but its azp is not client_id \"%s\"."),
    TOKEN_EXPIRED(Step.LAUNCH, 401,
            "Le jeton de lancement a expiré. Relancez l’activité ; si cela se répète, l’horloge de la plateforme ou "
                    + "de l’outil est décalée (synchronisez-les avec NTP).",
            "The launch token has expired. Launch the activity again; if it happens again, the platform's or the "
                    + "tool's clock is off (synchronise them with NTP)."),
    TOKEN_NOT_YET_VALID(Step.LAUNCH, 401,
            "Le jeton de lancement est daté dans le futur : l’horloge de la plateforme ou de l’outil est décalée "
                    + "(synchronisez-les avec NTP).",
            "The launch token is dated in the future: the platform's or the tool's clock is off (synchronise them "
                    + "with NTP)."),
    NONCE_MISMATCH(Step.LAUNCH, 401,
            "Le nonce du jeton n’est pas celui que l’outil a demandé pour ce lancement.",
            "The token's nonce is not the one the tool requested for this launch."),
    NONCE_REPLAYED(Step.LAUNCH, 401,
            "Ce jeton de lancement a déjà été utilisé. Relancez l’activité depuis le cours (ne rechargez pas la page "
                    + "de lancement).",
            "This launch token has already been used. Launch the activity again from the course (do not reload the "
                    + "launch page)."),
    DEPLOYMENT_UNKNOWN(Step.LAUNCH, 403,
            "Le déploiement « %s » n’est pas enregistré (ou est désactivé) pour la plateforme « %s ». "
                    + "L’administrateur de l’outil doit l’ajouter.",
            "Deployment \"%s\" is not registered (or is disabled) for platform \"%s\". The tool's administrator must "
                    + "add it."),
    CLAIM_MISSING(Step.LAUNCH, 400,
            "Le jeton ne contient pas la donnée obligatoire « %s ».",
            "The token lacks the required claim \"%s\"."),
    CLAIM_INVALID(Step.LAUNCH, 400,
            "La donnée « %s » du jeton est invalide (attendu : %s).",
            "The token's claim \"%s\" is invalid (expected: %s)."),
    MESSAGE_TYPE_UNSUPPORTED(Step.LAUNCH, 400,
            "Le type de message LTI « %s » n’est pas pris en charge (attendus : LtiResourceLinkRequest, "
                    + "LtiDeepLinkingRequest).",
            "LTI message type \"%s\" is not supported (expected: LtiResourceLinkRequest, LtiDeepLinkingRequest)."),
    DEEP_LINKING_TYPE_REFUSED(Step.LAUNCH, 400,
            "La plateforme n’accepte pas de liens d’activité LTI ici (types acceptés : %s) : l’outil ne peut créer que "
                    + "des activités (ltiResourceLink). Ajoutez l’outil depuis le sélecteur d’activités du cours.",
            "The platform does not accept LTI activity links here (accepted types: %s): the tool can only create "
                    + "activities (ltiResourceLink). Add the tool from the course's activity chooser."),
    VERSION_UNSUPPORTED(Step.LAUNCH, 400,
            "La version LTI « %s » n’est pas prise en charge : l’outil attend 1.3.0.",
            "LTI version \"%s\" is not supported: the tool expects 1.3.0."),
    ROLE_NOT_ALLOWED(Step.ACCESS, 403,
            "Votre rôle dans ce cours (%s) ne donne pas accès à l’outil : il est réservé aux enseignants et aux "
                    + "étudiants du cours. Si vous pensez que c’est une erreur, contactez l’enseignant du cours.",
            "Your role in this course (%s) gives no access to the tool: it is meant for the course's teachers and "
                    + "students. If you think this is a mistake, contact the course's teacher."),
    SESSION_MISSING(Step.ACCESS, 401,
            "Aucune session de l’outil n’accompagne cette demande. Ouvrez l’outil depuis une activité de votre cours.",
            "No tool session comes with this request. Open the tool from an activity of your course."),
    SESSION_INVALID(Step.ACCESS, 401,
            "La session de l’outil a expiré ou n’est pas valide. Relancez l’activité depuis le cours.",
            "The tool session has expired or is not valid. Launch the activity again from the course."),
    SESSION_REVOKED(Step.ACCESS, 401,
            "L’administrateur de l’outil a fermé cette session. Relancez l’activité depuis le cours pour en ouvrir "
                    + "une nouvelle.",
            "The tool's administrator closed this session. Launch the activity again from the course to open a new "
                    + "one."),
    TOOL_DISABLED(Step.ACCESS, 403,
            "L’administrateur de l’outil l’a désactivé pour votre plateforme. Demandez-lui de le réactiver "
                    + "(l’administrateur de votre plateforme sait le joindre) ; ce qui est déjà enregistré est "
                    + "conservé.",
            "The tool's administrator disabled it for your platform. Ask them to enable it again (your platform's "
                    + "administrator knows how to reach them); what is already saved is kept."),
    TEACHER_ONLY(Step.ACCESS, 403,
            "Cette page est réservée aux enseignants du cours.",
            "This page is for the course's teachers only."),
    STUDENT_ONLY(Step.ACCESS, 403,
            "Cette page est réservée aux étudiants du cours.",
            "This page is for the course's students only."),
    REGISTRATION_PARAMETER(Step.REGISTRATION, 400,
            "Paramètre « %s » manquant ou invalide. Lancez l’enregistrement dynamique depuis la plateforme "
                    + "(Moodle : Gérer les outils › Ajouter LTI Advantage).",
            "Parameter \"%s\" is missing or invalid. Start dynamic registration from the platform (Moodle: Manage "
                    + "tools › Add LTI Advantage)."),
    REGISTRATION_HOST_NOT_ALLOWED(Step.REGISTRATION, 403,
            "La plateforme « %s » n’est pas autorisée à s’enregistrer auprès de cet outil. L’administrateur de l’outil "
                    + "doit ajouter son origine à la variable LTI_REGISTRATION_ALLOWED_HOSTS.",
            "Platform \"%s\" is not allowed to register with this tool. The tool's administrator must add its origin to "
                    + "the LTI_REGISTRATION_ALLOWED_HOSTS variable."),
    REGISTRATION_LINK_REQUIRED(Step.REGISTRATION, 403,
            "Cet outil n’accepte l’enregistrement dynamique qu’avec un lien d’enregistrement à usage unique. Demandez "
                    + "à l’administrateur de Compétences LTI un lien d’enregistrement pour votre plateforme (valable "
                    + "24 heures), puis collez ce lien entier dans « URL de l’outil » (Moodle : Gérer les outils › "
                    + "Ajouter LTI Advantage). Rien n’a été enregistré.",
            "This tool accepts dynamic registration only through a single-use registration link. Ask the "
                    + "administrator of Compétences LTI for a registration link for your platform (valid 24 hours), "
                    + "then paste that whole link in \"Tool URL\" (Moodle: Manage tools › Add LTI Advantage). Nothing "
                    + "was registered."),
    REGISTRATION_LINK_UNKNOWN(Step.REGISTRATION, 403,
            "Ce lien d’enregistrement n’est pas valable (a-t-il été copié en entier ?). Demandez un nouveau lien à "
                    + "l’administrateur de Compétences LTI.",
            "This registration link is not valid (was it copied whole?). Ask the administrator of Compétences LTI for a "
                    + "new link."),
    REGISTRATION_LINK_EXPIRED(Step.REGISTRATION, 403,
            "Ce lien d’enregistrement a expiré (un lien vaut 24 heures). Demandez un nouveau lien à l’administrateur "
                    + "de Compétences LTI.",
            "This registration link has expired (a link is valid for 24 hours). Ask the administrator of Compétences "
                    + "LTI for a new link."),
    REGISTRATION_LINK_USED(Step.REGISTRATION, 409,
            "Ce lien d’enregistrement a déjà servi le %s, pour la plateforme « %s » : un lien ne sert qu’une fois. Si "
                    + "c’était la vôtre, l’outil est enregistré : activez-le dans la plateforme. Sinon, demandez un "
                    + "nouveau lien à l’administrateur de Compétences LTI.",
            "This registration link was already used on %s, for platform \"%s\": a link serves once. If that was "
                    + "yours, the tool is registered: activate it in the platform. Otherwise ask the administrator of "
                    + "Compétences LTI for a new link."),
    REGISTRATION_LINK_BUSY(Step.REGISTRATION, 409,
            "Un enregistrement avec ce lien est déjà en cours. Attendez une minute, puis recommencez depuis la "
                    + "plateforme si l’outil n’y apparaît pas.",
            "A registration with this link is already in progress. Wait a minute, then start again from the platform "
                    + "if the tool does not appear there."),
    REGISTRATION_LINK_OTHER_ORIGIN(Step.REGISTRATION, 403,
            "Ce lien d’enregistrement est réservé à la plateforme %s, pas à %s. Demandez un lien pour votre plateforme "
                    + "à l’administrateur de Compétences LTI.",
            "This registration link is meant for platform %s, not %s. Ask the administrator of Compétences LTI for a "
                    + "link for your platform."),
    REGISTRATION_CONFIGURATION_UNREADABLE(Step.REGISTRATION, 502,
            "L’outil n’a pas pu lire la configuration de la plateforme. Vérifiez que l’outil peut joindre la "
                    + "plateforme à son adresse publique, puis recommencez depuis la plateforme.",
            "The tool could not read the platform's configuration. Check that the tool can reach the platform at its "
                    + "public address, then start again from the platform."),
    REGISTRATION_ISSUER_INVALID(Step.REGISTRATION, 400,
            "L’identifiant (issuer) « %s » de la plateforme n’est pas une URL https absolue (http n’est accepté que sur "
                    + "la machine même : localhost, 127.0.0.1). Servez la plateforme en https.",
            "The platform's identifier (issuer) \"%s\" is not an absolute https URL (http is only accepted on the "
                    + "machine itself: localhost, 127.0.0.1). Serve the platform over https."),
    REGISTRATION_ISSUER_FOREIGN(Step.REGISTRATION, 403,
            "La configuration lue sur %s annonce l’identifiant (issuer) « %s », qui n’est pas sur la même origine "
                    + "(schéma, hôte et port) : une plateforme ne peut s’enregistrer qu’en son propre nom. Rien n’a été "
                    + "enregistré.",
            "The configuration read from %s announces the identifier (issuer) \"%s\", which is not on the same origin "
                    + "(scheme, host and port): a platform can only register in its own name. Nothing was registered."),
    REGISTRATION_ENDPOINT_FOREIGN(Step.REGISTRATION, 403,
            "L’adresse d’enregistrement annoncée par la plateforme n’est pas sur son origine (%s) : l’outil n’y envoie "
                    + "rien. Rien n’a été enregistré.",
            "The registration address the platform announces is not on its origin (%s): the tool sends nothing there. "
                    + "Nothing was registered."),
    REGISTRATION_ALREADY_REGISTERED(Step.REGISTRATION, 409,
            "La plateforme « %s » est déjà enregistrée avec le client_id « %s » : l’enregistrement dynamique ne "
                    + "modifie jamais un enregistrement existant. L’administrateur de Compétences LTI change ses adresses "
                    + "et ses déploiements par l’API d’administration (PUT /api/admin/lti/platforms/{id}). Rien n’a été "
                    + "modifié ; supprimez dans la plateforme l’outil que cette tentative a pu y créer.",
            "Platform \"%s\" is already registered with client_id \"%s\": dynamic registration never changes an "
                    + "existing registration. The administrator of Compétences LTI changes its addresses and deployments "
                    + "through the admin API (PUT /api/admin/lti/platforms/{id}). Nothing was changed; delete in the "
                    + "platform the tool this attempt may have created there."),
    REGISTRATION_PLATFORM_FAILED(Step.REGISTRATION, 502,
            "La plateforme n’a pas accepté l’enregistrement : %s. Recommencez depuis la plateforme (son jeton "
                    + "d’enregistrement ne sert qu’une fois ; le lien d’enregistrement de l’outil, lui, sert encore).",
            "The platform did not accept the registration: %s. Start again from the platform (its registration token is "
                    + "single use; the tool's registration link still serves).");

    /** Which exchange failed: gives the page its title. */
    enum Step {
        LOGIN(LocalizedText.of("Connexion LTI refusée", "LTI login refused")),
        LAUNCH(LocalizedText.of("Lancement LTI refusé", "LTI launch refused")),
        ACCESS(LocalizedText.of("Accès refusé", "Access refused")),
        REGISTRATION(LocalizedText.of("Enregistrement LTI impossible", "LTI registration failed"));

        final LocalizedText title;

        Step(LocalizedText title) {
            this.title = title;
        }
    }

    final Step step;
    final int status;
    final String french;
    final String english;

    LtiError(Step step, int status, String french, String english) {
        this.step = step;
        this.status = status;
        this.french = french;
        this.english = english;
    }

    /** The stable slug of the problem type, e.g. {@code lti-nonce-replayed}. */
    public String slug() {
        return "lti-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
