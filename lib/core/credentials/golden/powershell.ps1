# case: real
$Env:AWS_ACCESS_KEY_ID = 'ASIAQNZGKEXAMPLE7ABC'
$Env:AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
$Env:AWS_SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDexample+Token/Value==FwoGZXIvYXdzEBYaDHhBTEXAMPLEp2f8TYqKoAE1nZ3u0pL+9QvN0Vw7ZtqJm2k5yL0cR6x3XgFwoGZXIvYXdzEBYaDHhBTEXAMPLEp2f8TYqKoAE1nZ3u0pL+9QvN0Vw7ZtqJm2k5yL0cR6x3XgFwoGZXIvYXdzEBYaDHhBTEXAMPLEp2f8TYqKoAE1nZ3u0pL+9QvN0Vw7ZtqJm2k5yL0cR6x3XgFwoGZXIvYXdzEBYaDHhBTEXAMPLEp2f8TYqKoAE1nZ3u0pL+9QvN0Vw7ZtqJm2k5yL0cR6x3XgFwoGZXIvYXdzEBYaDHhBTEXAMPLEp2f8TYqKoAE1nZ3u0pL+9QvN0Vw7ZtqJm2k5yL0cR6x3XgFwoGZXIvYXdzEBYaDHhBTEXAMPLEp2f8TYqKoAE1nZ3u0pL+9QvN0Vw7ZtqJm2k5yL0cR6x3XgFwoGZXIvYXdzEBYaDHhBTEXAMPLEp2f8TYqKoAE1nZ3u0pL+9QvN0Vw7ZtqJm2k5yL0cR6x3XgFwoGZXIvYXdzEBYaDHhBTEXAMPLEp2f8TYqKoAE1nZ3u0pL+9QvN0Vw7ZtqJm2k5yL0cR6x3XgFwoGZXIvYXdzEBYaDHhBTEXAMPLEp2f8TYqKoAE1nZ3u0pL+9QvN0Vw7ZtqJm2k5yL0cR6x3XgFwoGZXIvYXdzEBYaDHhBTEXAMPLEp2f8TYqKoAE1nZ3u0pL+9QvN0Vw7ZtqJm2k5yL0cR6x3XgFwoGZXIvYXdzEBYaDHhBTEXAMPLEp2f8TYqKoAE1nZ3u0pL+9QvN0Vw7ZtqJm2k5yL0cR6x3XgFwoGZXIvYXdzEBYaDHhBTEXAMPLEp2f8TYqKoAE1nZ3u0pL+9QvN0Vw7ZtqJm2k5yL0cR6x3Xg'
$Env:AWS_REGION = 'eu-west-1'
$Env:AWS_DEFAULT_REGION = 'eu-west-1'
# case: singleQuote
$Env:AWS_ACCESS_KEY_ID = 'it''s ''quoted'''
$Env:AWS_SECRET_ACCESS_KEY = 'Sit''s ''quoted'''
$Env:AWS_SESSION_TOKEN = 'it''s ''quoted''T'
# case: bashEscapeItself
$Env:AWS_ACCESS_KEY_ID = '''\'''''
$Env:AWS_SECRET_ACCESS_KEY = 'S''\'''''
$Env:AWS_SESSION_TOKEN = '''\''''T'
# case: doubleQuote
$Env:AWS_ACCESS_KEY_ID = 'say "hi"'
$Env:AWS_SECRET_ACCESS_KEY = 'Ssay "hi"'
$Env:AWS_SESSION_TOKEN = 'say "hi"T'
# case: dollar
$Env:AWS_ACCESS_KEY_ID = '$HOME ${HOME} $(id) $$ $1'
$Env:AWS_SECRET_ACCESS_KEY = 'S$HOME ${HOME} $(id) $$ $1'
$Env:AWS_SESSION_TOKEN = '$HOME ${HOME} $(id) $$ $1T'
# case: backtick
$Env:AWS_ACCESS_KEY_ID = '`id` ``'
$Env:AWS_SECRET_ACCESS_KEY = 'S`id` ``'
$Env:AWS_SESSION_TOKEN = '`id` ``T'
# case: backslash
$Env:AWS_ACCESS_KEY_ID = 'back\slash \n \\ trailing\'
$Env:AWS_SECRET_ACCESS_KEY = 'Sback\slash \n \\ trailing\'
$Env:AWS_SESSION_TOKEN = 'back\slash \n \\ trailing\T'
# case: bang
$Env:AWS_ACCESS_KEY_ID = '!! !$ !-1 !id'
$Env:AWS_SECRET_ACCESS_KEY = 'S!! !$ !-1 !id'
$Env:AWS_SESSION_TOKEN = '!! !$ !-1 !idT'
# case: percent
$Env:AWS_ACCESS_KEY_ID = '%PATH% %% 100%'
$Env:AWS_SECRET_ACCESS_KEY = 'S%PATH% %% 100%'
$Env:AWS_SESSION_TOKEN = '%PATH% %% 100%T'
# case: newline
$Env:AWS_ACCESS_KEY_ID = 'line1
line2

!!'
$Env:AWS_SECRET_ACCESS_KEY = 'Sline1
line2

!!'
$Env:AWS_SESSION_TOKEN = 'line1
line2

!!T'
# case: unicode
$Env:AWS_ACCESS_KEY_ID = 'é 日本 😀 ‘‘smart’’ ‚‚low‛‛ quotes'
$Env:AWS_SECRET_ACCESS_KEY = 'Sé 日本 😀 ‘‘smart’’ ‚‚low‛‛ quotes'
$Env:AWS_SESSION_TOKEN = 'é 日本 😀 ‘‘smart’’ ‚‚low‛‛ quotesT'
# case: spaces
$Env:AWS_ACCESS_KEY_ID = '   leading and trailing   '
$Env:AWS_SECRET_ACCESS_KEY = 'S   leading and trailing   '
$Env:AWS_SESSION_TOKEN = '   leading and trailing   T'
# case: empty
$Env:AWS_ACCESS_KEY_ID = ''
$Env:AWS_SECRET_ACCESS_KEY = 'S'
$Env:AWS_SESSION_TOKEN = 'T'
# case: everything
$Env:AWS_ACCESS_KEY_ID = 'a''b"c$d`e\f!g%h
i&j|k<l>m^n(o)p;q#r*s?t[u]v{w}x~y z'
$Env:AWS_SECRET_ACCESS_KEY = 'Sa''b"c$d`e\f!g%h
i&j|k<l>m^n(o)p;q#r*s?t[u]v{w}x~y z'
$Env:AWS_SESSION_TOKEN = 'a''b"c$d`e\f!g%h
i&j|k<l>m^n(o)p;q#r*s?t[u]v{w}x~y zT'
