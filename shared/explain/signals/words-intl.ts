import type { Matcher } from '../match';
import { body } from '../match';
import { rule } from '../rule';
import type { CauseRule, Ctx } from '../types';
import { shortBody, shortBodyWords } from './short-body';

/**
 * The authentication and authorisation refusals of application frameworks in their translated
 * messages (the English families are words-authn.ts and words-authz.ts; the edge's are
 * words-edge-intl.ts, Chinese platforms' words-zh.ts). Each family is read from three frameworks'
 * message catalogues, so the wording is what an app built on them answers:
 * Django REST framework (rest_framework/locale/<lang>/LC_MESSAGES/django.po: "Invalid token.",
 * "Incorrect authentication credentials.", "Authentication credentials were not provided.", "You do not
 * have permission to perform this action."; https://github.com/encode/django-rest-framework/tree/master/rest_framework/locale),
 * Spring Security (core/src/main/resources/org/springframework/security/messages_<lang>.properties:
 * badCredentials, insufficientAuthentication, accessDenied; https://github.com/spring-projects/spring-security),
 * Symfony Security (Resources/translations/security.<lang>.xlf: "Invalid credentials.", "Authentication
 * credentials could not be found.", "Not privileged to request the resource."; https://github.com/symfony/security-core),
 * and Chinese API relays' "无效的令牌" (One API: github.com/Huanshere/VideoLingo/issues/36,
 * github.com/ZuodaoTech/everyone-can-use-english/issues/1354), "操作权限不足" (github.com/thinkgem/jeesite/issues/338),
 * "没有接口权限" (github.com/lanyulei/ferry/issues/41).
 * Spanish, Portuguese, German, French, Italian, Japanese, Korean, Russian, Chinese. No \b around
 * non-Latin scripts (it sees no word there). Read for the cause only, never to name a writer.
 */
const w = shortBodyWords;

// Sentences in other scripts (Cyrillic, Hebrew, Japanese, Korean, Chinese) are read only when the body holds a
// character of such a script (one native scan per response, kept): the anchor index would look each of their
// literals up in the whole body, response after response.
const OTHER_SCRIPT = /[\u0400-\u04ff\u0590-\u05ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
const scripted = new WeakMap<Ctx, boolean>();
const otherScript = (ctx: Ctx): boolean => {
  let has = scripted.get(ctx);
  if (has === undefined) scripted.set(ctx, (has = OTHER_SCRIPT.test(ctx.body)));
  return has;
};
/** A plain matcher (no anchor: it runs on every response, its first test the cached script check). */
const s = (re: RegExp): Matcher => {
  const m = body(re);
  return (ctx) => (otherScript(ctx) && shortBody(ctx) ? m(ctx) : null);
};

/** A credential that arrived and was refused: invalid or wrong credentials, an invalid token. */
const INVALID_INTL = new RegExp([
  String.raw`\bcredenciales(?: de autenticaci[oó]n)? (?:no v[aá]lidas|inv[aá]lidas|err[oó]neas|incorrectas)\b|\btoken (?:inv[aá]lido|no v[aá]lido)\b`,
  String.raw`\bcredenciais(?: de autentica[cç][aã]o)? (?:inv[aá]lidas|incorretas)\b|\busu[aá]rio inexistente ou senha inv[aá]lida\b`,
  String.raw`\b(?:ung[uü]ltige|fehlerhafte|falsche) (?:anmeldedaten|zugangsdaten)\b|\bung[uü]ltige[rs]? token\b(?! header)`,
  String.raw`\bidentifiants? (?:invalides?|incorrects?)\b|\binformations d'authentification incorrectes\b|\bles identifications sont erron[ée]es\b|\b(?:jeton|token) (?:non valide|invalide)\b`,
  String.raw`\bcredenziali(?: di autenticazione)? (?:non valide|errate|incorrette)\b|\btoken (?:non valido|invalido)\b`,
].join('|'), 'i');
const INVALID_SCRIPT = new RegExp([
  '不正なトークンです|トークンが無効|資格が無効|認証情報が正しくありません|ユーザ名かパスワードが(?:正しくありません|違います)',
  '토큰이 유효하지 않|유효하지 않은 토큰|자격 인증 데이터가 올바르지 않|자격 증명에 실패',
  '(?:令牌|token|凭证|凭据)已?(?:无效|失效|过期|错误)|无效的(?:令牌|token|凭证|凭据)|用户名或(?:者)?密码错误|不正确的身份认证信息',
  'недействительн[а-я]{0,3} (?:токен|аутентификационн)|недопустимый токен|неверн[а-я]{0,3} учетн[а-я]{0,3} данн|некорректн[а-я]{0,3} учетн[а-я]{0,3} данн',
].join('|'), 'i');

/** No credential arrived: credentials not provided or not found, authentication required. */
const MISSING_INTL = new RegExp([
  String.raw`\bcredenciales(?: de autenticaci[oó]n)? no (?:se proveyeron|fueron (?:suministradas|proporcionadas|provistas))\b|\bno se encontraron las credenciales\b|\bse requiere autenticaci[oó]n completa\b`,
  String.raw`\bcredenciais(?: de autentica[cç][aã]o)? n[aã]o (?:foram )?(?:fornecidas|encontradas)\b|\bautentica[cç][aã]o completa [eé] necess[aá]ria\b`,
  String.raw`\banmeldedaten fehlen\b|\bkeine (?:zugangsdaten|anmeldedaten) angegeben\b|\bes konnten keine zugangsdaten gefunden werden\b|\bvollst[aä]ndige authentifi(?:kation|zierung) wird ben[oö]tigt\b`,
  String.raw`\b(?:informations d'authentification|identifiants d'authentification|informations d'identification) (?:non fournies|n'ont pas pu [eê]tre trouv[ée]s)\b|\bune authentification compl[eè]te est requise\b`,
  String.raw`\bnon sono state immesse le credenziali\b|\bcredenziali non fornite\b|\bimpossibile trovare le credenziali\b`,
].join('|'), 'i');
const MISSING_SCRIPT = new RegExp([
  '認証情報が含まれていません|認証資格がありません|認証をする必要があります',
  '인증 데이터가 제공되지 않',
  '身份认证信息未提供|没有提供认证信息|没有找到身份验证的凭证|需要完全身份验证',
  'учетные данные не (?:были )?предоставлены|не предоставлены учетные данные|аутентификационные данные не найдены',
].join('|'), 'i');

/** The caller is known and lacks the permission or privilege. */
const PERM_INTL = new RegExp([
  String.raw`\bno tiene(?:s)? (?:permiso|permisos|privilegios) (?:para|suficientes)\b|\bpermisos insuficientes\b`,
  String.raw`\bn[aã]o tem permiss[aã]o\b|\bsem privil[eé]gio para\b|\bpermiss[oõ]es insuficientes\b`,
  String.raw`\bsie sind nicht berechtigt\b|\bkeine (?:rechte|berechtigung)\b|\bunzureichende (?:rechte|berechtigungen)\b`,
  String.raw`\bvous n'avez pas (?:la permission|les droits|l'autorisation)\b|\bprivil[eè]ges insuffisants\b|\bdroits insuffisants\b`,
  String.raw`\bnon hai (?:l'autorizzazione|i privilegi|i permessi)\b|\bpermessi insufficienti\b`,
].join('|'), 'i');
const PERM_SCRIPT = new RegExp([
  '権限がありません',
  '권한이 없',
  '(?:没有|无|暂无|缺少)(?:该|此|相关|对应|接口|操作|访问)?权限|执行该操作的权限|权限不足|无权(?:访问|操作)',
  'нет прав(?=[\\s.,!:]|$)|недостаточно прав|отсутствуют права',
].join('|'), 'i');

/** Spring Security's AccessDeniedException message translated ("Access is denied"): as weak as its English. */
const DENIED_INTL = /\bacceso denegado\b|\bacesso negado\b|\bzugriff verweigert\b|\bacc[eè]s refus[ée]\b|\baccesso negato\b/i;
const DENIED_SCRIPT = /アクセスが拒否されました|접근이 거부되었습니다|不允许访问|доступ запрещ[её]н/i;

export const INTL_WORD_RULES: CauseRule[] = [
  rule('invalid-credentials', 0.6, w(INVALID_INTL), { words: true, why: 'the body says (in another language) the credential or token sent is invalid or wrong' }),
  rule('missing-credentials', 0.6, w(MISSING_INTL), { words: true, why: 'the body says (in another language) no credential was provided or found: the request must authenticate' }),
  rule('insufficient-permissions', 0.58, w(PERM_INTL), { words: true, why: 'the body says (in another language) the caller has no permission or privilege for this action' }),
  rule('insufficient-permissions', 0.47, w(DENIED_INTL), { words: true, why: 'the body says (in another language) access was denied: the caller was identified but is not allowed' }),
  rule('invalid-credentials', 0.6, s(INVALID_SCRIPT), { words: true, why: 'the body says (in another language) the credential or token sent is invalid or wrong' }),
  rule('missing-credentials', 0.6, s(MISSING_SCRIPT), { words: true, why: 'the body says (in another language) no credential was provided or found: the request must authenticate' }),
  rule('insufficient-permissions', 0.58, s(PERM_SCRIPT), { words: true, why: 'the body says (in another language) the caller has no permission or privilege for this action' }),
  rule('insufficient-permissions', 0.47, s(DENIED_SCRIPT), { words: true, why: 'the body says (in another language) access was denied: the caller was identified but is not allowed' }),
];
