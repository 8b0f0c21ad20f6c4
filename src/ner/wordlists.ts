/**
 * Small hand-made word lists (general knowledge, not taken from the data): given names and place
 * names, with French ones well represented for the news Dossier archives. They give the tagger
 * a prior for names the 1996 training data never saw (`Angela`, `Toulouse`); the model learns
 * from the training data how far to trust them. All entries are lower-case and ASCII-folded.
 */

const words = (s: string): string[] => s.trim().split(/\s+/u);

export const GIVEN_NAMES = new Set(
  words(`
aaron abdel abdelkader abdul abdullah adam adrian adrien agathe agnes ahmed aicha aime aimee alain alan albert alberto alejandro
alessandro alex alexander alexandra alexandre alexandru alexei alexis alfred alfredo ali alice alicia aline alison amandine amelie
amina amir amy ana anatole andre andrea andreas andrei andres andrew andy angela angelique angelo anna anne annick annie anthony
antoine antonio anton arthur ashley audrey augustin aurelie aurelien axel aymeric barack barbara baptiste barry bastien beatrice
ben benedicte benjamin benoit bernadette bernard bertrand betty bill boris brian brigitte bruno carl carla carlos carmen carole
caroline catherine cecile cedric celine chantal charles charlotte chloe christian christiane christina christine christophe
christopher claire clara claude claudia claudine clement colette corinne cyril cyrille damien daniel daniele danielle danny
david deborah delphine denis denise didier diego dimitri dominique donald dorothee edouard eduardo edward elena eliane elisabeth
elise elizabeth ella elodie emilie emily emma emmanuel emmanuelle eric erik estelle etienne eugene eva eve evelyne fabien fabienne
fabrice farid fatima fatou felix fernand fernando florence florent florian francesca francesco francis francisco franck francois
francoise frank franz frederic frederique gabriel gabrielle gaelle gaetan gary geoffrey george georges gerald gerard gerhard
ghislaine gilbert gilles ginette giovanni giuseppe gregoire gregory guillaume gunter guy hamid hans harry hassan helen helene
henri henry herve hugo hugues ibrahim ingrid irene isabelle ivan jack jacqueline jacques james jan jane janet jean jeanne
jean-baptiste jean-claude jean-francois jean-jacques jean-louis jean-luc jean-marc jean-marie jean-michel jean-paul jean-pierre
jeff jennifer jeremy jerome jessica jim joao joel john johnny jonathan jordan jorge jose josef joseph josephine josiane julia
julie julien juliette justin karim karen karin karl kate katherine kevin khaled klaus lara laura laure laurence laurent lea leila
leo leon leonard liliane linda lionel lisa lorenzo louis louise luc luca lucas lucie lucien ludovic luis lydie madeleine magali
mamadou manon manuel manuela marc marcel marco marguerite maria marianne marie marie-claude marie-france marine mario marion mark
marta martin martine mary mathias mathieu mathilde matteo matthew matthias maurice max maxime mehdi melanie michael michel michele
micheline miguel mikhail mohamed mohammed monique muriel mustapha nadia nadine natalia natalie nathalie nicolas nicole nina noel
noemie octave odile olga olivier olivia omar oscar pablo paola pascal pascale patricia patrick paul paula pauline pedro peter
philippe pierre pierre-yves rachel rachid rafael raphael raymond regis remi remy renaud rene richard robert roberto robin roger
roland romain ronald rosa rose sabine sacha samia samuel sandra sandrine sara sarah sebastian sebastien serge sergei sergio simon
simone slimane solange sophie stephane stephanie steve steven susan suzanne sylvain sylvie theo theodore therese thierry thomas
tim timothee tom tony valentin valerie vanessa veronique victor vincent virginie vladimir walter william xavier yann yannick
yasmine yassine yves yvette yvonne zoe
`),
);

/** Countries, regions and cities (multi-word entries have spaces). */
export const PLACES = new Set(
  words(`
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahrain bangladesh belarus belgium
benin bolivia bosnia botswana brazil bulgaria burkina burundi cambodia cameroon canada chad chile china colombia congo croatia
cuba cyprus czechia denmark djibouti ecuador egypt england eritrea estonia ethiopia europe finland france gabon gambia georgia
germany ghana greece guatemala guinea haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan
jordan kazakhstan kenya kosovo kuwait laos latvia lebanon liberia libya lithuania luxembourg madagascar malawi malaysia mali malta
mauritania mauritius mexico moldova monaco mongolia montenegro morocco mozambique myanmar namibia nepal netherlands nicaragua niger
nigeria norway oman pakistan palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda scotland
senegal serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand togo
tunisia turkey uganda ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe africa asia america
paris marseille lyon toulouse nice nantes strasbourg montpellier bordeaux lille rennes reims toulon grenoble dijon angers nimes
villeurbanne clermont-ferrand aix-en-provence brest tours amiens limoges annecy perpignan metz besancon orleans rouen mulhouse caen
nancy argenteuil montreuil roubaix tourcoing avignon poitiers versailles courbevoie vitry-sur-seine creteil pau calais cannes
antibes ajaccio bastia beziers colmar bourges quimper valence troyes chambery lorient niort sarcelles evry cergy pontoise bobigny
nanterre saint-denis aubervilliers vincennes boulogne-billancourt ile-de-france normandy normandie brittany bretagne alsace
lorraine corsica corse provence occitanie burgundy bourgogne auvergne picardy champagne seine-saint-denis val-de-marne
hauts-de-seine essonne yvelines val-d'oise seine-et-marne gironde rhone nord pas-de-calais bouches-du-rhone var herault
london berlin madrid rome brussels amsterdam vienna geneva zurich lisbon dublin athens warsaw prague budapest moscow kiev kyiv
istanbul ankara cairo algiers tunis rabat casablanca dakar beijing tokyo delhi mumbai washington chicago boston
montreal quebec toronto sydney mexico johannesburg nairobi lagos tehran baghdad damascus beirut jerusalem riyadh dubai
`),
);
