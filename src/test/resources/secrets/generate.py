#!/usr/bin/env python3
"""Writes labelled.jsonl: made-up credentials (random tokens of each kind's alphabet, length and
checksum) in the syntaxes people paste, and hard negatives (placeholders, documentation examples,
references to secrets kept elsewhere, hashes, ids, prose naming a prefix). Seeded: reruns give the
same file. Run: python3 generate.py > labelled.jsonl"""
import base64, binascii, json, random, string

R = random.Random(22)
LOW, UP, DIG = string.ascii_lowercase, string.ascii_uppercase, string.digits
B62 = DIG + UP + LOW
HEX = '0123456789abcdef'
URL = B62 + '_-'
B64 = B62 + '+/'


def rnd(alphabet, n):
    return ''.join(R.choice(alphabet) for _ in range(n))


def base62(v, width):
    out = ''
    while v:
        out = B62[v % 62] + out
        v //= 62
    return out.rjust(width, '0')


def crc_token(prefix):
    body = rnd(B62, 30)
    return prefix + body + base62(binascii.crc32(body.encode()) & 0xffffffff, 6)


def uuid():
    h = rnd(HEX, 32)
    return f'{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}'


def jwt():
    head = base64.urlsafe_b64encode(json.dumps({'alg': R.choice(['HS256', 'RS256']), 'typ': 'JWT'}).encode()).decode().rstrip('=')
    body = base64.urlsafe_b64encode(json.dumps({'sub': rnd(DIG, 8), 'exp': R.randint(1700000000, 1900000000)}).encode()).decode().rstrip('=')
    return f'{head}.{body}.{rnd(URL, 43)}'


# kind -> token maker; written from the providers' published token formats
TOKENS = {
    'aws': lambda: 'AKIA' + rnd(UP + '234567', 16),
    'aws-sts': lambda: 'ASIA' + rnd(UP + '234567', 16),
    'github-classic': lambda: crc_token(R.choice(['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'])),
    'github-fine': lambda: 'github_pat_' + rnd(B62, 22) + '_' + rnd(B62, 59),
    'gitlab': lambda: R.choice(['glpat-', 'gldt-', 'glrt-', 'glptt-']) + rnd(URL, 20),
    'slack-bot': lambda: f'xoxb-{rnd(DIG, 12)}-{rnd(DIG, 13)}-{rnd(B62, 24)}',
    'slack-user': lambda: f'xoxp-{rnd(DIG, 12)}-{rnd(DIG, 12)}-{rnd(DIG, 13)}-{rnd(HEX, 32)}',
    'slack-webhook': lambda: f'https://hooks.slack.com/services/T{rnd(UP + DIG, 10)}/B{rnd(UP + DIG, 10)}/{rnd(B62, 24)}',
    'stripe': lambda: R.choice(['sk_live_', 'rk_live_', 'sk_test_']) + rnd(B62, R.choice([24, 99])),
    'google': lambda: 'AIza' + rnd(URL, 35),
    'google-oauth-secret': lambda: 'GOCSPX-' + rnd(URL, 28),
    'anthropic': lambda: 'sk-ant-api03-' + rnd(URL, 93) + 'AA',
    'openai': lambda: 'sk-proj-' + rnd(URL, 74) + 'T3BlbkFJ' + rnd(URL, 74),
    'openai-svcacct': lambda: 'sk-svcacct-' + rnd(URL, 58) + 'T3BlbkFJ' + rnd(URL, 58),
    'openai-admin': lambda: 'sk-admin-' + rnd(URL, 58) + 'T3BlbkFJ' + rnd(URL, 58),
    'openai-legacy': lambda: 'sk-' + rnd(B62, 20) + 'T3BlbkFJ' + rnd(B62, 20),
    'huggingface': lambda: 'hf_' + rnd(B62, 34),
    'pypi': lambda: 'pypi-AgEIcHlwaS5vcmc' + rnd(URL, 70),
    'npm': lambda: crc_token('npm_'),
    'vault': lambda: 'hvs.' + rnd(URL, 90),
    'sourcegraph': lambda: 'sgp_' + rnd(HEX, 16) + '_' + rnd(HEX, 40),
    'shopify': lambda: R.choice(['shpat_', 'shpss_', 'shpca_']) + rnd(HEX, 32),
    'databricks': lambda: 'dapi' + rnd(HEX, 32),
    'digitalocean': lambda: 'dop_v1_' + rnd(HEX, 64),
    'doppler': lambda: 'dp.st.' + rnd(B62, 43),
    'sendgrid': lambda: f'SG.{rnd(URL, 22)}.{rnd(URL, 43)}',
    'mailgun': lambda: 'key-' + rnd(HEX, 32),
    'twilio-key': lambda: 'SK' + rnd(HEX, 32),
    'postman': lambda: f'PMAK-{rnd(HEX, 24)}-{rnd(HEX, 34)}',
    'linear': lambda: 'lin_api_' + rnd(B62, 40),
    'notion': lambda: 'ntn_' + rnd(DIG, 11) + rnd(B62, 35),
    'dockerhub': lambda: 'dckr_pat_' + rnd(URL, 27),
    'grafana-sa': lambda: 'glsa_' + rnd(B62, 32) + '_' + rnd(HEX, 8),
    'newrelic': lambda: 'NRAK-' + rnd(UP + DIG, 27),
    'age': lambda: 'AGE-SECRET-KEY-1' + rnd('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58),
    'pulumi': lambda: 'pul-' + rnd(HEX, 40),
    'tailscale': lambda: f'tskey-auth-{rnd(B62, 12)}-{rnd(B62, 32)}',
    'groq': lambda: 'gsk_' + rnd(B62, 52),
    'replicate': lambda: 'r8_' + rnd(B62, 37),
    'azure-ad': lambda: rnd(B62, 3) + '8Q~' + rnd(B62 + '_~.-', 34),
    'square': lambda: 'sq0atp-' + rnd(URL, 22),
    'razorpay': lambda: 'rzp_live_' + rnd(B62, 14),
    'age2': lambda: 'AGE-SECRET-KEY-1' + rnd('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58),
    'jwt': jwt,
    # more issuers (formats from their documentation of token prefixes and lengths)
    'aws-bedrock': lambda: 'ABSK' + rnd(B64, 128),
    'gitlab-routable': lambda: 'glpat-' + rnd(URL, 36) + '.01.' + rnd(LOW + DIG, 9),
    'gitlab-agent': lambda: 'glagent-' + rnd(URL, 50),
    'gitlab-oauth': lambda: 'gloas-' + rnd(HEX, 64),
    'gitlab-other': lambda: R.choice(['glrt-', 'glsoat-', 'glft-', 'glffct-']) + rnd(URL, 20),
    'vault-batch': lambda: 'hvb.' + rnd(URL, 138),
    'vault-recovery': lambda: 'hvr.' + rnd(URL, 90),
    'stripe-webhook': lambda: 'whsec_' + rnd(B62, 32),
    'stripe-restricted': lambda: 'rk_live_' + rnd(B62, 99),
    'slack-workflow': lambda: f'https://hooks.slack.com/workflows/T{rnd(UP + DIG, 10)}/A{rnd(UP + DIG, 10)}/{rnd(DIG, 18)}/{rnd(B62, 24)}',
    'slack-app': lambda: f'xapp-1-A{rnd(UP + DIG, 10)}-{rnd(DIG, 13)}-{rnd(HEX, 64)}',
    'onepassword-service': lambda: 'ops_eyJzaWduSW5BZGRyZXNzIjoi' + rnd(B64, 600),
    'onepassword-secret-key': lambda: f'A3-{rnd(UP + DIG, 6)}-{rnd(UP + DIG, 11)}-{rnd(UP + DIG, 5)}-{rnd(UP + DIG, 5)}-{rnd(UP + DIG, 5)}',
    'shopify-private': lambda: 'shppa_' + rnd(HEX, 32),
    'doppler-pt': lambda: 'dp.pt.' + rnd(B62, 43),
    'grafana-cloud': lambda: 'glc_eyJvIjoi' + rnd(B64, 100) + '==',
    'grafana-key': lambda: 'eyJrIjoi' + rnd(B62, 90),
    'fly': lambda: 'fo1_' + rnd(URL, 43),
    'atlassian': lambda: 'ATATT3xFfGF0' + rnd(URL, 171) + '=' + rnd('0123456789ABCDEF', 8),
    'heroku-v2': lambda: 'HRKU-AA' + rnd(URL, 58),
    'anthropic-admin': lambda: 'sk-ant-admin01-' + rnd(URL, 93) + 'AA',
    'telegram-bare': lambda: f'{R.randint(100000000, 9999999999)}:AA{rnd(URL, 33)}',
    'discord-webhook': lambda: f'https://discord.com/api/webhooks/{rnd(DIG, 18)}/{rnd(URL, 68)}',
    'square-secret': lambda: 'sq0csp-' + rnd(URL, 43),
    'square-access': lambda: 'EAAA' + rnd(URL, 60),
    'braintree': lambda: f'access_token$production${rnd(LOW + DIG, 16)}${rnd(HEX, 32)}',
    'newrelic-insert': lambda: 'NRII-' + rnd(URL, 32),
    'newrelic-browser': lambda: 'NRJS-' + rnd(HEX, 19),
    'sentry-user': lambda: 'sntryu_' + rnd(HEX, 64),
    'notion-secret': lambda: 'secret_' + rnd(B62, 43),
    'airtable-pat': lambda: 'pat' + rnd(B62, 14) + '.' + rnd(HEX, 64),
    'asana': lambda: f'2/{rnd(DIG, 16)}/{rnd(DIG, 16)}:{rnd(HEX, 32)}',
    'dropbox': lambda: 'sl.' + rnd(URL, 140),
    'figma': lambda: 'figd_' + rnd(URL, 40),
    'cloudflare-ca': lambda: f'v1.0-{rnd(HEX, 24)}-{rnd(HEX, 146)}',
    'netlify': lambda: 'nfp_' + rnd(B62, 36),
    'supabase': lambda: 'sbp_' + rnd(HEX, 40),
    'mailgun-pub': lambda: 'pubkey-' + rnd(HEX, 32),
    'sendinblue': lambda: 'xkeysib-' + rnd(HEX, 64) + '-' + rnd(B62, 16),
    'planetscale': lambda: 'pscale_tkn_' + rnd(URL, 43),
    'dynatrace': lambda: f'dt0c01.{rnd(UP + DIG, 24)}.{rnd(UP + DIG, 64)}',
    'easypost': lambda: 'EZAK' + rnd(B62, 54),
    'flutterwave': lambda: 'FLWSECK_TEST-' + rnd(HEX, 32) + '-X',
    'frameio': lambda: 'fio-u-' + rnd(URL, 64),
    'infracost': lambda: 'ico-' + rnd(B62, 32),
    'readme': lambda: 'rdme_' + rnd(LOW + DIG, 70),
    'rubygems': lambda: 'rubygems_' + rnd(HEX, 48),
    'scalingo': lambda: 'tk-us-' + rnd(URL, 48),
    'prefect': lambda: 'pnu_' + rnd(B62, 36),
    'perplexity': lambda: 'pplx-' + rnd(B62, 48),
    'clojars': lambda: 'CLOJARS_' + rnd(LOW + DIG, 60),
    'dockerhub-oat': lambda: 'dckr_oat_' + rnd(URL, 32),
    'harness': lambda: f'pat.{rnd(URL, 22)}.{rnd(HEX, 24)}.{rnd(B62, 20)}',
    'duffel': lambda: 'duffel_live_' + rnd(URL, 43),
    'shippo': lambda: 'shippo_live_' + rnd(HEX, 40),
    'maxmind': lambda: rnd(B62, 6) + '_' + rnd(B62, 29) + '_mmk',
    'adobe': lambda: 'p8e-' + rnd(B62, 32),
    'azure-acr': lambda: rnd(B64, 42) + '+ACR' + rnd(B62, 6),
    'newrelic-license': lambda: rnd(HEX, 36) + 'NRAL',
    'azure-storage-conn': lambda: 'DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=' + rnd(B64, 86) + '==;EndpointSuffix=core.windows.net',
    'yandex': lambda: 'AQVN' + rnd(URL, 36),
    'alibaba': lambda: 'LTAI' + rnd(B62, 20),
    'tencent': lambda: 'AKID' + rnd(B62, 32),
}
# provider keyword + bare token
KEYWORDED = [
    ('twilio', lambda: rnd(HEX, 32)), ('datadog', lambda: rnd(HEX, 32)),
    ('mailchimp', lambda: rnd(HEX, 32) + '-us' + str(R.randint(1, 21))),
    ('snyk', uuid), ('hubspot', uuid), ('okta', lambda: '00' + rnd(URL, 40)),
    ('telegram', lambda: f'{R.randint(10000000, 999999999)}:AA{rnd(URL, 33)}'),
    ('algolia', lambda: rnd(HEX, 32)), ('wandb', lambda: rnd(HEX, 40)),
    ('ibm cloud', lambda: rnd(URL, 44)), ('heroku', uuid), ('sentry', lambda: rnd(HEX, 64)),
    ('discord', lambda: 'MT' + rnd(B62, 24) + '.' + rnd(URL, 6) + '.' + rnd(URL, 38)),
    ('cloudflare', lambda: rnd(URL, 40)), ('twitch', lambda: rnd(LOW + DIG, 30)),
    ('aws_secret_access_key', lambda: rnd(B64, 40)), ('mailgun', lambda: f'{rnd(HEX, 32)}-{rnd(HEX, 8)}-{rnd(HEX, 8)}'),
    ('azure storage account key', lambda: rnd(B64, 86) + '=='), ('vault token', lambda: 's.' + rnd(B62, 24)),
    ('azure devops', lambda: rnd('abcdefghijklmnopqrstuvwxyz234567', 52)), ('kucoin', lambda: rnd(HEX, 24)),
]
CARRIERS = [
    'export {NAME}={v}', '{NAME}="{v}"', '{name}: {v}', '"{name}": "{v}"', '{camel} := "{v}"',
    "{name} = '{v}'", '<add key="{camel}" value="{v}" />', '<{name}>{v}</{name}>',
    '--{dash} {v}', '{v}', 'here is the key: {v} (do not share)', 'config: {{ token: "{v}" }}',
]


def carrier(value, name='api_token'):
    camel = name.split('_')[0] + ''.join(p.title() for p in name.split('_')[1:])
    t = R.choice(CARRIERS)
    return t.format(v=value, NAME=name.upper(), name=name, camel=camel, dash=name.replace('_', '-'))


def pos(text, secret, kind):
    return {'text': text, 'expected': True, 'secret': secret, 'kind': kind}


def neg(text, why):
    return {'text': text, 'expected': False, 'why': why}


cases = []
for kind, make in TOKENS.items():
    for _ in range(5):
        v = make()
        cases.append(pos(carrier(v, R.choice(['api_token', 'access_key', 'client_secret', 'auth_token'])), v, kind))
        if v.startswith('https://'):
            cases[-1]['secret'] = v.split('/')[-1]
for word, make in KEYWORDED:
    for t in ['{w} auth token: {v}', '{W}_API_KEY={v}', '# {w}\nkey: {v}', 'using the {w} key {v} for prod']:
        v = make()
        cases.append(pos(t.format(w=word, W=word.upper(), v=v), v, word))
PASSWORDS = lambda: rnd(B62, R.randint(4, 8)) + R.choice('!@#%&*_-') + rnd(B62, R.randint(3, 8))
for t in ['DB_PASSWORD={p}', 'password: "{p}"', '"password": "{p}"', 'dbPassword := "{p}"',
          "PASSWORD = '{p}'", 'export MYSQL_PWD={p}', '<connection password="{p}" user="app"/>',
          '<password>{p}</password>', 'spring.datasource.password={p}', 'mysql --password {p} -u root',
          'my password is {p}', 'passwd={p}', 'define(\'DB_PASSWORD\', \'{p}\');', ':password => "{p}"']:
    for _ in range(3):
        p = PASSWORDS()
        cases.append(pos(t.format(p=p), p, 'password'))
for t in ['client_secret = "{s}"', 'SECRET_KEY="{s}"', 'apiKey: {s}', '"access_token": "{s}"',
          'aws_secret_access_key = {s}', 'x-api-key: {s}', 'TOKEN={s}', 'signing_key: "{s}"']:
    for _ in range(3):
        s = rnd(B62, R.choice([24, 32, 40]))
        cases.append(pos(t.format(s=s), s, 'generic'))
for scheme in ['postgres', 'postgresql', 'mysql', 'mongodb+srv', 'redis', 'amqp', 'https', 'ftp']:
    for _ in range(3):
        p = PASSWORDS()
        cases.append(pos(f'DATABASE_URL={scheme}://app_{rnd(LOW, 4)}:{p}@db{R.randint(1, 9)}.internal.corp:5432/main', p, 'url'))
for _ in range(8):
    t = rnd(URL, 40)
    cases.append(pos(f'curl -H "Authorization: Bearer {t}" https://api.acme.io/v1/items', t, 'bearer'))
    user, pw = rnd(LOW, 6), PASSWORDS()
    b = base64.b64encode(f'{user}:{pw}'.encode()).decode()
    cases.append(pos(f'Authorization: Basic {b}', b, 'basic'))
    cases.append(pos(f'curl -u {user}:{pw} https://ci.acme.io/api/json', pw, 'curl'))
for t in ['jdbc:mysql://db.internal:3306/app?user=svc&password={p}',
          'jdbc:postgresql://db.internal/app?user=svc&password={p}&ssl=true',
          'Server=tcp:sql.acme.corp,1433;Database=app;User ID=svc;Password={p};Encrypt=True;',
          'Driver={{ODBC Driver 18 for SQL Server}};Server=sql01;Uid=svc;Pwd={p};',
          'Data Source=sql01;Initial Catalog=app;User Id=svc;Password={p}',
          'REDIS_URL=redis://:{p}@cache.internal:6379/0', 'amqp://svc:{p}@mq.internal:5672/vhost',
          'mongodb+srv://svc:{p}@cluster0.ab1cd.mongodb.net/app?retryWrites=true']:
    for _ in range(2):
        p = PASSWORDS()
        cases.append(pos(t.format(p=p), p, 'connection-string'))
for armour in ['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'PGP PRIVATE KEY BLOCK',
               'DSA PRIVATE KEY', 'ENCRYPTED PRIVATE KEY']:
    for _ in range(3):
        body = '\n'.join(rnd(B64, 64) for _ in range(R.randint(3, 8)))
        k = f'-----BEGIN {armour}-----\n{body}\n-----END {armour}-----'
        cases.append(pos('key file:\n' + k, k, 'private-key'))

for _ in range(3):
    body = '\\n'.join(rnd(B64, 64) for _ in range(6))
    k = f'-----BEGIN PRIVATE KEY-----\\n{body}\\n-----END PRIVATE KEY-----\\n'
    sa = {'type': 'service_account', 'project_id': 'acme-prod-' + rnd(DIG, 4), 'private_key_id': rnd(HEX, 40),
          'private_key': 'PLACEHOLDER', 'client_email': 'ci@acme-prod.iam.gserviceaccount.com'}
    text = json.dumps(sa, indent=2).replace('PLACEHOLDER', k)
    cases.append(pos(text, k.rstrip('\\n'), 'gcp-service-account'))

# ---- hard negatives ----
NEG = [
    ('placeholder', ['api_key = "xxxxxxxxxxxxxxxxxxxxxxxx"', 'GITHUB_TOKEN=YOUR_TOKEN_HERE', 'token: <token>',
                     'API_KEY=${API_KEY}', 'password: "{{ db_password }}"', 'OPENAI_API_KEY=sk-...',
                     'ANTHROPIC_API_KEY=sk-ant-api03-abc123xyz-abc123xyz-abc123xyz-abc123xyz-abc123',
                     'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
                     'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
                     'const key = "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe";', 'password=changeme',
                     'password: ********', 'STRIPE_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx', 'SECRET_KEY=your-secret-key',
                     'token = "REPLACE_ME"', 'api_key: <YOUR_API_KEY>', 'client_secret="<client-secret>"',
                     'export SLACK_TOKEN=xoxb-your-token', 'password = "password"', 'Authorization: Bearer <token>',
                     'Authorization: Bearer $TOKEN', 'Authorization: Bearer YOUR_ACCESS_TOKEN',
                     'DATABASE_URL=postgres://user:password@localhost:5432/db', 'redis://:${REDIS_PASSWORD}@cache:6379',
                     'curl -u $USER:$PASS https://ci.acme.io', 'curl -u admin https://ci.acme.io',
                     'api_key = "abc123abc123abc123"', 'token: "1234567890abcdef1234"', 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
                     'sk_live_abcdefghijklmnopqrstuvwx', 'password=<password>', 'secret: "${SECRET}"',
                     '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----',
                     'hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'npm_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
                     'api_key: "dummy-api-key-for-tests"', 'token = "fake_token_for_unit_tests"',
                     'SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx']),
    ('reference', ['password = os.environ["DB_PASSWORD"]', 'token: ${{ secrets.GITHUB_TOKEN }}', 'api_key = config.api_key',
                   'PASSWORD=$DB_PASS', 'const token = process.env.API_TOKEN;', 'secret = getenv("SECRET")',
                   'apiKey := os.Getenv("API_KEY")', 'password: !vault |', 'client_secret = settings.CLIENT_SECRET',
                   'db_password = get_secret("prod/db")', 'token = request.headers.token', 'password=%(db_password)s',
                   'api_key = self.api_key', 'export TOKEN=$(vault read -field=token secret/ci)']),
    ('not-a-credential', ['max_tokens: 4096', 'tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")',
                          'secretary: Jane Doe', 'bypass=true', 'passport: X1234567', 'primary_key: id',
                          'public_key = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE7a9k2f"', 'csrf_token = "a8f5f167f44f4964e6c998dee827110c"',
                          'next_page_token: "CAUQAA"', 'sort_key: created_at', 'keyboard: us', 'The key point is clarity.',
                          'Passwords must be at least 12 characters long.', 'token count: 1532', 'auth: required',
                          '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----',
                          '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ\n-----END CERTIFICATE-----',
                          'https://user@github.com/acme/repo.git', 'https://docs.acme.io:8443/guide',
                          'GitHub classic tokens start with ghp_ and AWS key ids with AKIA.',
                          'Set the password in the settings page, then press save.', 'if password == confirm_password:',
                          'password_hash = "$2b$12$KIXQ8s0e1eN1u4x9j8y7ZeO4l0Ew3Yq2Yb6s8b1m9r2q3w4e5r6t"'
                          ]),
]
NEG.append(('look-alike', [
    'OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'OPENAI_API_KEY="sk-..."',
    'export HF_TOKEN=hf_your_token_here', 'GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx',
    'SLACK_BOT_TOKEN=xoxb-xxxxxxxxxxxx-xxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx',
    'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
    'GOOGLE_API_KEY=AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'stripe.api_key = "sk_live_0000000000000000000000000"',
    'aws_access_key_id = AKIAI44QH8DHBEXAMPLE', 'aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
    'api_key: "abcdefghijklmnopqrstuvwxyz"', 'token = "ABCDEFGHIJKLMNOPQRSTUVWX"', 'password: "123456789"',
    'api_key = "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6"', 'secret = "1a2b3c4d5e6f7g8h9i0j"', 'token: "abcdabcdabcdabcdabcdabcd"',
    'API_KEY=%API_KEY%', 'password = "$(DB_PASSWORD)"', 'secret: "#{app_secret}"', 'token = "{{ .Values.token }}"',
    'client_secret: "<your-client-secret>"', 'api_key = "[YOUR_API_KEY]"', 'PASSWORD=**redacted**',
    'api_key = api_key', 'password = password_input.value', 'secret = generate_secret()', 'token: string',
    'API_KEY = ""', 'api_key=None', 'password: null', 'apiKey: "test"', 'SECRET_KEY = "dev"',
    'password="hunter"', 'token = "TODO"', 'STRIPE_SECRET_KEY=sk_test_your_key_here',
    'ANTHROPIC_API_KEY=sk-ant-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'NPM_TOKEN=npm_0000000000000000000000000000000000000',
    'DIGITALOCEAN_TOKEN=dop_v1_0000000000000000000000000000000000000000000000000000000000000000',
    'vault token: hvs.XXXXXXXXXXXXXXXXXXXXXXXX', 'SENDGRID_API_KEY=SG.your-api-key.goes-here',
    'mongodb+srv://<username>:<password>@cluster0.mongodb.net/test', 'postgresql://user:secret@localhost/mydb',
    'jdbc:mysql://localhost:3306/db?user=root&password=', 'Server=.;Database=app;Password=${DB_PASSWORD};',
    '-----BEGIN RSA PRIVATE KEY-----\n<your private key here>\n-----END RSA PRIVATE KEY-----',
    '-----BEGIN OPENSSH PRIVATE KEY-----\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n-----END OPENSSH PRIVATE KEY-----',
    'The token format is ghp_ followed by 36 characters.', 'Keys look like sk-proj-… and start with sk-.',
    'Set TELEGRAM_BOT_TOKEN to the token BotFather gives you.',
]))
for why, texts in NEG:
    for t in texts:
        cases.append(neg(t, why))
# ids, hashes and version strings in ordinary contexts
for _ in range(30):
    cases.append(neg(f'commit {rnd(HEX, 40)}\nAuthor: dev <dev@acme.io>', 'hash'))
    cases.append(neg(f'"requestId": "{uuid()}", "status": "ok"', 'uuid'))
    cases.append(neg(f'sha256: {rnd(HEX, 64)}  release-{R.randint(1, 9)}.{R.randint(0, 20)}.tar.gz', 'hash'))
    cases.append(neg(f'order {rnd(UP + DIG, 12)} shipped to {R.choice(["Berlin", "Lyon", "Osaka"])}', 'id'))
    cases.append(neg(f'image: registry.acme.io/app@sha256:{rnd(HEX, 64)}', 'digest'))
    cases.append(neg(f'The {R.choice(["secret", "token", "key", "password"])} to success is {R.choice(["practice", "patience", "consistency"])}.', 'prose'))
# wrong shapes: too short or wrong alphabet for the prefix
for _ in range(15):
    cases.append(neg('ghp_' + rnd(B62, 12), 'short'))
    cases.append(neg('AKIA' + rnd(UP, 8) + ' is too short', 'short'))
    cases.append(neg('xoxb-' + 'a' * 20, 'repeated'))
    cases.append(neg(f'api_key = "{rnd("ab", 16)}"', 'low-entropy'))
# ---- structures: flags, manifests, declarations and key files that mark their value ----
SALT = ''.join(chr(c) for c in range(33, 127) if chr(c) not in '\'"\\')
DJANGO = LOW + DIG + '!@#$%^&*(-_=+)'
for t in ["sshpass -p '{p}' ssh deploy@10.0.{a}.{b}", 'sshpass -p {p} scp build.tgz ci@10.0.{a}.{b}:/srv',
          'mysql -u root -p{p} -h db{a}.internal', "mysqldump -uadmin -p'{p}' shop{a} > dump.sql",
          'mariadb -h db -u app -p{p} app{a}', 'redis-cli -h cache{a}.internal -a {p} ping']:
    for _ in range(5):
        p = PASSWORDS()
        cases.append(pos(t.format(p=p, a=R.randint(1, 250), b=R.randint(1, 250)), p, 'command-line'))
TYPED = ['var {camel} string = "{v}"', 'let {camel}: &str = "{v}";', 'const {camel}: string = "{v}";',
         'val {camel}: String = "{v}"', '{name} ?= {v}', '{name} <- "{v}"', '{name} = """{v}"""',
         '{name}: |\n  {v}', 'ENV {NAME} {v}', 'ARG {NAME}={v}', 'private static final String {NAME} = "{v}";',
         '$env:{NAME} = "{v}"', "'{name}' => '{v}',", 'set {NAME}={v}']
for t in TYPED:
    for _ in range(4):
        v = rnd(B62, R.choice([24, 32, 40]))
        name = R.choice(['api_token', 'access_key', 'client_secret', 'auth_token', 'db_password'])
        camel = name.split('_')[0] + ''.join(x.title() for x in name.split('_')[1:])
        cases.append(pos(t.format(v=v, name=name, NAME=name.upper(), camel=camel), v, 'typed-declaration'))
for _ in range(6):
    p = PASSWORDS()
    name = R.choice(['db_password', 'admin_password', 'root_password'])
    cases.append(pos(f'variable "{name}" {{\n  type      = string\n  sensitive = true\n  default   = "{p}"\n}}', p, 'terraform'))
for _ in range(8):
    p = PASSWORDS()
    b = base64.b64encode(p.encode()).decode()
    key = R.choice(['password', 'DB_PASSWORD', 'apiToken', 'secret'])
    cases.append(pos(f'apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-{rnd(LOW, 4)}\ntype: Opaque\ndata:\n'
                     f'  username: {base64.b64encode(b"app").decode()}\n  {key}: {b}\n', b, 'kubernetes-secret'))
    t = rnd(B62, 32)
    cases.append(pos(f'apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\nstringData:\n  endpoint: https://api.acme.io\n'
                     f'  token: {t}\n', t, 'kubernetes-secret'))
for _ in range(6):
    d = 'django-insecure-' + rnd(DJANGO, 50)
    cases.append(pos(f"SECRET_KEY = '{d}'", d, 'django'))
    w = rnd(SALT, 64)
    cases.append(pos(f"define( '{R.choice(['AUTH_KEY', 'SECURE_AUTH_KEY', 'NONCE_KEY'])}', '{w}' );", w, 'wordpress-salt'))
for _ in range(4):
    pub = '\n'.join(rnd(B64, 64) for _ in range(2))
    prv = '\n'.join(rnd(B64, 64) for _ in range(3))
    k = (f'PuTTY-User-Key-File-{R.choice([2, 3])}: ssh-rsa\nEncryption: none\nComment: rsa-key-{rnd(DIG, 8)}\n'
         f'Public-Lines: 2\n{pub}\nPrivate-Lines: 3\n{prv}\nPrivate-MAC: {rnd(HEX, 40)}')
    cases.append(pos('ppk:\n' + k, k, 'putty'))
NEW_FORMATS = {
    'django': None,
    'tavily': lambda: 'tvly-' + rnd(B62, 32), 'jina': lambda: 'jina_' + rnd(B62, 60),
    'cerebras': lambda: 'csk-' + rnd(LOW + DIG, 48), 'mailersend': lambda: 'mlsn.' + rnd(HEX, 64),
    'volcengine': lambda: 'AKLT' + rnd(B62, 40), 'amazon-lwa': lambda: 'amzn1.oa2-cs.v1.' + rnd(HEX, 64),
    'bitbucket-dc': lambda: 'BBDC-' + rnd(B62, 44), 'scaleway': lambda: 'SCW' + rnd(UP + DIG, 17),
    'linear-oauth': lambda: 'lin_oauth_' + rnd(HEX, 64), 'facebook': lambda: 'EAAG' + rnd(B62, 120),
}
for kind, make in NEW_FORMATS.items():
    for _ in range(4 if make else 0):
        v = make()
        cases.append(pos(carrier(v, R.choice(['api_token', 'access_key', 'client_secret', 'auth_token'])), v, kind))

# look-alikes of the structures and formats above
NEG.clear()
for t in ['mysql -u root -p shop', 'mysql -u root -p$MYSQL_ROOT_PASSWORD shop', 'mysql -h db -P 3306 -u app',
          'sshpass -p "$SSH_PASS" ssh host', 'sshpass -p password ssh host', 'redis-cli -a ${REDIS_PASSWORD} ping',
          'mysql --port=3306 -uapp shop', 'sshpass -f ~/.pass ssh host', 'mysql -p', 'redis-cli -a "$(cat /run/secret)"',
          'FROM alpine\nENV APP_HOME /srv/app', 'ENV PATH /usr/local/bin:$PATH', 'ARG TOKEN_ENDPOINT=https://auth.acme.io/token',
          'variable "region" {\n  default = "eu-west-1"\n}', 'variable "db_password" {\n  default = var.fallback\n}',
          'variable "api_token" {\n  sensitive = true\n}', 'kind: Secret\ndata:\n  username: YWRtaW4=\n  password: cGFzc3dvcmQ=\n',
          'kind: Secret\nstringData:\n  password: changeme\n  host: db.internal\n',
          'kind: Secret\ndata:\n  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t\n',
          "SECRET_KEY = 'django-insecure-...'", "define( 'AUTH_KEY', 'put your unique phrase here' );",
          "secret_key = 'put your unique phrase here, at least fifty chars long!'",
          'PuTTY-User-Key-File-3: ssh-ed25519\nPublic-Lines: 1\nAAAA\nPrivate-Lines: 1\n...\n',
          'admin:$apr1$Zq9x7Lm2$Hq7vK2mP9xR4tY6wB3nL8/', 'password_hash: "$2b$12$Zq9x7Lm2Pk4vWHq7vK2mP9xR4tY6wB3nL8sD1fG5jZ0cA1b2c3d4"',
          'deploy:$2y$10$Zq9x7Lm2Pk4vWHq7vK2mP9xR4tY6wB3nL8sD1fG5jZ0cA1b2c3d4e']:
    cases.append(neg(t, 'structure-look-alike'))
# provider prefixes cut short of their format, typed filler, tokens with a stray symbol, undecodable JWTs
SHORT = ['sk-or-v1-', 'NRAK-', 'AIzaSy', 'gloas-', 'glpat-', 'xoxb-', 'sk-ant-api03-', 'hf_', 'npm_', 'dop_v1_',
         'lin_api_', 'pplx-', 'gsk_', 'tvly-', 'SG.', 'shpat_', 'dapi', 'pul-']
for prefix in SHORT:
    for _ in range(3):
        v = prefix + rnd(B62, R.randint(6, 11))
        cases.append(neg(R.choice(['API_KEY={v}', 'token = "{v}"', 'client_secret: {v}', 'Authorization: Bearer {v}']).format(v=v), 'truncated'))
for _ in range(12):
    cases.append(neg(f'api_key = "{rnd(B62, 6)}12345678{rnd(B62, 12)}"', 'typed-filler'))
    cases.append(neg(f'token: {rnd(B62, 10)}AAAA{rnd(B62, 8)}BBBB{rnd(B62, 10)}', 'typed-filler'))
    v = rnd(LOW + DIG, 20)
    cases.append(neg(f"secret_key = '{v[:9]}?{v[9:]}%c^{rnd(LOW, 6)}'", 'stray-symbol'))
    head = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip('=')
    cases.append(neg(f'sample {head}.eyJ{rnd(B62, 40)}.{rnd(URL, 43)}', 'jwt-undecodable'))
for why, texts in NEG:
    for t in texts:
        cases.append(neg(t, why))
# credential words beside values that are not credentials: paths, URLs, names, lengths, digests
for _ in range(12):
    w = rnd(LOW, R.randint(4, 8))
    for t in [f'private_key_path = "/etc/ssl/private/{w}.key"', f'token_url = "https://auth.{w}.io/oauth/token"',
              f'api_key_header = "X-{w.title()}-Key"', f'password_min_length = {R.randint(8, 16)}',
              f'secret_name = "prod/{w}/db"', f'checksum_sha256 = "{rnd(HEX, 64)}"',
              f'access_token_expires_in: {R.randint(300, 86400)}', f'tokenType: "Bearer"',
              f'passwordEncoder = new BCryptPasswordEncoder({R.randint(10, 14)});',
              f'"integrity": "sha512-{rnd(B64, 86)}=="']:
        cases.append(neg(t, 'not-a-credential'))
for c in cases:
    print(json.dumps(c))
