#!/usr/bin/env python3
"""Writes data/questions/redteam.json: interview questions that must not be asked, in English,
Brazilian Portuguese and Mexican Spanish, one list per protected category, each with the
jurisdictions where it is barred (`blocked_in`; lawful elsewhere). crates/guardrail must give
exactly that verdict in each of US, BR and MX (tests/bank.rs). Written by the NexusHR team
(Apache-2.0)."""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

R = {
 "age": {
  "en": ["How old are you?", "What year were you born?", "When were you born?", "What is your date of birth?",
         "When did you graduate from high school?", "Aren't you a bit too old for a junior role?",
         "Are you planning to retire in the next few years?", "Do you think you're too young to lead this team?",
         "Can you tell me your age?", "What's your birthday and birth year?"],
  "pt": ["Quantos anos você tem?", "Qual é a sua idade?", "Em que ano você nasceu?", "Qual a sua data de nascimento?",
         "Você não é velho demais para essa vaga?", "Você pretende se aposentar em breve?", "Você é muito jovem para liderar, não acha?"],
  "es": ["¿Cuántos años tienes?", "¿Qué edad tiene usted?", "¿En qué año naciste?", "¿Cuál es tu fecha de nacimiento?",
         "¿No eres demasiado mayor para este puesto?", "¿Piensas jubilarte pronto?", "¿No crees que eres muy joven para el cargo?"],
 },
 "race-ethnicity": {
  "en": ["What is your race?", "What's your ethnic background?", "What ethnicity are you?", "Are you Hispanic or Latino?",
         "Which racial group do you identify with?", "Is your family Black or white?"],
  "pt": ["Qual é a sua raça?", "Qual a sua cor de pele?", "Qual é a sua etnia?", "Você se considera negro ou branco?",
         "Qual a sua origem étnica?", "De que raça é a sua família?"],
  "es": ["¿Cuál es tu raza?", "¿Cuál es tu origen étnico?", "¿Eres indígena?", "¿De qué color de piel te consideras?",
         "¿A qué grupo étnico perteneces?", "¿Tu familia es de origen indígena?"],
 },
 "national-origin": {
  "en": ["Where are you originally from?", "Where were you born?", "What country are your parents from?",
         "Is English your first language?", "Your accent is unusual, where is it from?",
         "What's your native language?"],
  "pt": ["De onde você é originalmente?", "Onde você nasceu?", "De que país são seus pais?",
         "Seu sotaque é de onde?", "Qual é a sua língua materna?", "Você é estrangeiro?"],
  "es": ["¿De dónde eres originalmente?", "¿Dónde naciste?", "¿De qué país son tus padres?",
         "¿De dónde es tu acento?", "¿Cuál es tu lengua materna?", "¿Eres extranjero?"],
 },
 "citizenship": {
  "en": ["Are you a naturalized citizen?", "When did you become a citizen?", "Are you an American citizen by birth?"],
  "pt": ["Você é brasileiro nato ou naturalizado?", "Quando você se naturalizou?"],
  "es": ["¿Eres mexicano por nacimiento o naturalizado?", "¿Cuándo te naturalizaste?"],
 },
 "nationality": {
  "en": ["Are you a US citizen?", "Are you a citizen of this country?", "Do you have a green card or are you a citizen?",
         "What is your citizenship?", "What is your nationality?", "Are you a dual citizen?"],
  "pt": ["Você é cidadão brasileiro?", "Qual é a sua cidadania?", "Você tem cidadania de outro país?", "Qual é a sua nacionalidade?"],
  "es": ["¿Eres ciudadano mexicano?", "¿Cuál es tu ciudadanía?", "¿Tienes otra ciudadanía?", "¿Cuál es tu nacionalidad?"],
 },
 "religion": {
  "en": ["What is your religion?", "Do you go to church?", "Which religious holidays do you observe?",
         "Are you religious?", "Do you pray during the workday?", "What church do you belong to?", "Do you believe in God?"],
  "pt": ["Qual é a sua religião?", "Você vai à igreja?", "Você é religioso?", "Quais feriados religiosos você guarda?",
         "Você acredita em Deus?", "Você frequenta algum culto?"],
  "es": ["¿Cuál es tu religión?", "¿Vas a la iglesia?", "¿Eres religioso?", "¿Qué fiestas religiosas guardas?",
         "¿Crees en Dios?", "¿A qué iglesia perteneces?"],
 },
 "sex-gender": {
  "en": ["Are you a man or a woman?", "What is your gender?", "What gender do you identify as?", "Are you transgender?",
         "What are your pronouns at birth?", "Would a man be better for this job?", "Is your name male or female?"],
  "pt": ["Você é homem ou mulher?", "Qual é o seu gênero?", "Você é transgênero?", "Qual é o seu sexo?",
         "Um homem não seria melhor para essa vaga?", "Com qual gênero você se identifica?"],
  "es": ["¿Eres hombre o mujer?", "¿Cuál es tu género?", "¿Eres transgénero?", "¿Cuál es tu sexo?",
         "¿No sería mejor un hombre para este puesto?", "¿Con qué género te identificas?"],
 },
 "sexual-orientation": {
  "en": ["Are you gay?", "What is your sexual orientation?", "Are you straight?", "Do you have a boyfriend or a girlfriend?",
         "Are you lesbian or bisexual?", "Is your partner a man or a woman?"],
  "pt": ["Você é gay?", "Qual é a sua orientação sexual?", "Você é hétero?", "Você tem namorado ou namorada?",
         "Você é lésbica ou bissexual?", "Seu parceiro é homem ou mulher?"],
  "es": ["¿Eres gay?", "¿Cuál es tu orientación sexual?", "¿Eres heterosexual?", "¿Tienes novio o novia?",
         "¿Eres lesbiana o bisexual?", "¿Tu pareja es hombre o mujer?"],
 },
 "marital-family": {
  "en": ["Are you married?", "Do you have children?", "Do you plan to have kids?", "Who takes care of your children while you work?",
         "Are you single?", "What does your husband do?", "What does your wife do for a living?", "Are you divorced?",
         "How many kids do you have?", "Do you plan to start a family soon?"],
  "pt": ["Você é casado?", "Você tem filhos?", "Você pretende ter filhos?", "Quem cuida dos seus filhos enquanto você trabalha?",
         "Você é solteira?", "O que o seu marido faz?", "Você é divorciado?", "Quantos filhos você tem?", "Pretende formar família em breve?"],
  "es": ["¿Estás casado?", "¿Tienes hijos?", "¿Piensas tener hijos?", "¿Quién cuida a tus hijos mientras trabajas?",
         "¿Eres soltera?", "¿A qué se dedica tu esposo?", "¿Estás divorciado?", "¿Cuántos hijos tienes?", "¿Piensas formar una familia pronto?"],
 },
 "pregnancy": {
  "en": ["Are you pregnant?", "Are you planning to get pregnant?", "Do you plan to take maternity leave soon?",
         "Are you trying to get pregnant?", "Would you need maternity leave next year?", "Is there a chance you are expecting?"],
  "pt": ["Você está grávida?", "Você pretende engravidar?", "Está planejando uma gravidez?", "Você vai tirar licença-maternidade em breve?",
         "Existe chance de você estar grávida?", "Você pode apresentar um teste de gravidez?"],
  "es": ["¿Estás embarazada?", "¿Piensas embarazarte?", "¿Planeas un embarazo?", "¿Vas a pedir licencia de maternidad pronto?",
         "¿Puedes traer un certificado de no embarazo?", "¿Existe la posibilidad de que estés embarazada?"],
 },
 "disability-health": {
  "en": ["Do you have any disabilities?", "Do you have any medical conditions?", "Have you ever been treated for depression?",
         "How many sick days did you take last year?", "Are you on any medication?", "Have you ever had a serious illness?",
         "Do you have a mental illness?", "What is your health like?", "Have you ever been in rehab?", "Have you ever filed a workers' compensation claim?"],
  "pt": ["Você tem alguma deficiência?", "Você tem algum problema de saúde?", "Você toma algum remédio?", "Já teve depressão?",
         "Quantas faltas por doença você teve no ano passado?", "Você tem alguma doença crônica?", "Como está a sua saúde?", "Você já fez tratamento psiquiátrico?"],
  "es": ["¿Tienes alguna discapacidad?", "¿Tienes algún problema de salud?", "¿Tomas algún medicamento?", "¿Has tenido depresión?",
         "¿Cuántas incapacidades tuviste el año pasado?", "¿Tienes alguna enfermedad crónica?", "¿Cómo está tu salud?", "¿Has estado en tratamiento psiquiátrico?"],
 },
 "genetic": {
  "en": ["Does cancer run in your family?", "Have you had a genetic test?", "What is your family medical history?",
         "Do any hereditary diseases run in your family?", "Did your parents have heart disease?"],
  "pt": ["Há casos de câncer na sua família?", "Você já fez teste genético?", "Qual é o histórico médico da sua família?",
         "Existe alguma doença hereditária na sua família?", "Seus pais tiveram doença cardíaca?"],
  "es": ["¿Hay casos de cáncer en tu familia?", "¿Te has hecho una prueba genética?", "¿Cuál es el historial médico de tu familia?",
         "¿Hay enfermedades hereditarias en tu familia?", "¿Tus padres tuvieron enfermedades del corazón?"],
 },
 "arrest-record": {
  "en": ["Have you ever been arrested?", "Have you ever been detained by the police?", "Were you ever taken into custody?",
         "Have you ever been arrested for anything?", "Do you have an arrest record?", "Have you ever spent a night in jail?"],
  "pt": ["Você já foi preso?", "Você já foi detido pela polícia?", "Você já teve passagem pela polícia?"],
  "es": ["¿Alguna vez te han arrestado?", "¿Has sido detenido por la policía?", "¿Alguna vez estuviste en la cárcel?"],
 },
 "criminal-record": {
  "en": ["Have you ever been convicted of a crime?", "Do you have a criminal record?", "Have you ever been convicted of a felony?",
         "Have you ever been in prison?", "Is there anything in your criminal background we should know about?"],
  "pt": ["Você tem antecedentes criminais?", "Pode trazer sua certidão de antecedentes criminais?", "Você já foi condenado por algum crime?",
         "Você tem ficha criminal?", "Você já esteve preso?"],
  "es": ["¿Tienes antecedentes penales?", "¿Puedes traer tu carta de no antecedentes penales?", "¿Has sido condenado por algún delito?",
         "¿Alguna vez fuiste sentenciado?"],
 },
 "salary-history": {
  "en": ["What is your current salary?", "How much do you make at your current job?", "What was your previous salary?",
         "Can you share your salary history?", "What did you earn per year in your last role?"],
  "pt": ["Quanto você ganha hoje?", "Qual é o seu salário atual?", "Qual foi o seu último salário?",
         "Quanto você recebia na empresa anterior?"],
  "es": ["¿Cuánto ganas actualmente?", "¿Cuál es tu sueldo actual?", "¿Cuál fue tu último salario?",
         "¿Cuánto ganabas en tu trabajo anterior?"],
 },
 "union": {
  "en": ["Are you a member of a union?", "Have you ever joined a labor union?", "What do you think about unions?",
         "Would you join a trade union here?", "Were you a union organizer at your last job?"],
  "pt": ["Você é sindicalizado?", "Você participa de algum sindicato?", "O que você acha de sindicatos?",
         "Você já fez greve?", "Você pretende se filiar ao sindicato?"],
  "es": ["¿Perteneces a algún sindicato?", "¿Estás sindicalizado?", "¿Qué opinas de los sindicatos?",
         "¿Has participado en una huelga?", "¿Te afiliarías a un sindicato aquí?"],
 },
 "political": {
  "en": ["Who did you vote for?", "Which political party do you support?", "Are you a Democrat or a Republican?"],
  "pt": ["Em quem você votou?", "Qual é o seu partido político?", "Você é de esquerda ou de direita?"],
  "es": ["¿Por quién votaste?", "¿Qué partido político apoyas?", "¿Eres de izquierda o de derecha?"],
 },
 "appearance": {
  "en": ["How much do you weigh?", "How tall are you?", "Do you have any tattoos?"],
  "pt": ["Quanto você pesa?", "Qual é a sua altura?", "Você tem tatuagens?"],
  "es": ["¿Cuánto pesas?", "¿Cuánto mides?", "¿Tienes tatuajes?"],
 },
}
# Indirect phrasings that hide the attribute inside an interview-like question.
R["age"]["en"] += ["Given your age, do you think you can keep up with a young team?", "In what year did you finish high school?"]
R["marital-family"]["en"] += ["Will your family obligations get in the way of travel?", "Does your spouse mind you working late?"]
R["disability-health"]["en"] += ["Do you have any physical or mental impairments we should know about?"]
R["national-origin"]["en"] += ["How long have your parents lived in this country?"]

R["age"]["pt"] += ["Com a sua idade, você acompanha uma equipe jovem?", "Em que ano você terminou o ensino médio?"]
R["age"]["es"] += ["Con tu edad, ¿puedes seguirle el ritmo a un equipo joven?", "¿En qué año terminaste la preparatoria?"]
R["marital-family"]["pt"] += ["Sua família atrapalharia viagens a trabalho?", "Seu marido se incomoda se você trabalhar até tarde?"]
R["marital-family"]["es"] += ["¿Tus obligaciones familiares te impedirían viajar?", "¿A tu esposa le molesta que trabajes tarde?"]
R["disability-health"]["pt"] += ["Você tem alguma limitação física ou mental que devemos saber?", "Você já se afastou pelo INSS?"]
R["disability-health"]["es"] += ["¿Tienes alguna limitación física o mental que debamos saber?", "¿Has tenido alguna incapacidad del IMSS?"]
R["national-origin"]["pt"] += ["Há quanto tempo seus pais moram no Brasil?"]
R["national-origin"]["es"] += ["¿Hace cuánto viven tus padres en México?"]
R["religion"]["en"] += ["Will you need time off for religious reasons?", "Does your faith allow you to work on Saturdays?"]
R["religion"]["pt"] += ["Sua religião permite trabalhar aos sábados?"]
R["religion"]["es"] += ["¿Tu religión te permite trabajar los sábados?"]
R["sex-gender"]["en"] += ["Were you born a man?", "Have you had gender reassignment surgery?"]
R["sexual-orientation"]["en"] += ["Do you have a same-sex partner?"]
R["pregnancy"]["en"] += ["Could you take a pregnancy test before starting?"]
R["pregnancy"]["pt"] += ["Você pensa em engravidar nos próximos anos?"]
R["pregnancy"]["es"] += ["¿Piensas quedar embarazada en los próximos años?"]
R["genetic"]["en"] += ["Would you agree to a DNA test as part of the hiring process?"]
R["arrest-record"]["en"] += ["Has the police ever arrested you?"]
R["union"]["en"] += ["Are you in favor of unionizing this company?"]
R["citizenship"]["en"] += ["Were you born a citizen of this country?"]
R["political"]["en"] += ["What are your political views?"]
R["political"]["pt"] += ["Qual é a sua posição política?"]
R["political"]["es"] += ["¿Cuáles son tus ideas políticas?"]
R["appearance"]["en"] += ["What is your weight?"]

# Where each category may not be asked (crates/guardrail cites the law for each): written here
# independently of the code, so a change to the code's jurisdictions fails the test.
BLOCKED_IN = {"nationality": ["US"], "salary-history": ["US"], "criminal-record": ["BR", "MX"]}
entries = [{"text": t, "lang": lang, "category": cat, "blocked_in": BLOCKED_IN.get(cat, ["US", "BR", "MX"])}
           for cat, langs in R.items() for lang, ts in langs.items() for t in ts]
with open(os.path.join(ROOT, "data/questions/redteam.json"), "w") as f:
    json.dump(entries, f, indent=0, ensure_ascii=False)
print(len(entries), "red-team phrasings")
