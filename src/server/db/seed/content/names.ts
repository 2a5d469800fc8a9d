/**
 * Given and family names for the demo school, grouped by the naming tradition they come from so
 * that most generated people get a coherent name (and, sometimes, a language they speak). A
 * share of people get a given name from one tradition and a family name from another, as in any
 * American class list.
 */

export type NameGroup = {
  id: string
  feminine: readonly string[]
  masculine: readonly string[]
  family: readonly string[]
  /** Languages some people of this tradition list besides English. */
  languages: readonly string[]
  /** Relative share of the school's people. */
  weight: number
}

export const NAME_GROUPS: readonly NameGroup[] = [
  {
    id: 'anglo-american',
    feminine: ['Emily', 'Sarah', 'Hannah', 'Abigail', 'Megan', 'Lauren', 'Katherine', 'Rachel', 'Allison', 'Molly', 'Caroline', 'Elizabeth', 'Claire', 'Natalie', 'Jessica', 'Rebecca', 'Madeline', 'Anna', 'Grace', 'Olivia', 'Meredith', 'Sydney'],
    masculine: ['Matthew', 'Andrew', 'Ryan', 'Tyler', 'Benjamin', 'Nathan', 'Zachary', 'Samuel', 'Connor', 'Jacob', 'Ethan', 'William', 'Christopher', 'Daniel', 'Patrick', 'Thomas', 'Evan', 'Caleb', 'Logan', 'Henry', 'Garrett', 'Owen'],
    family: ['Smith', 'Johnson', 'Miller', 'Anderson', 'Thompson', 'Walker', 'Wright', 'Mitchell', 'Campbell', 'Parker', 'Collins', 'Sullivan', 'Murphy', 'Bennett', 'Hughes', 'Foster', 'Reynolds', 'Hayes', 'Palmer', 'Ward', 'Fletcher', 'Caldwell', 'Holloway', 'Brennan', 'Whitaker', 'McCarthy', 'Gallagher', 'Schmidt', 'Becker', 'Lindqvist'],
    languages: ['French', 'German'],
    weight: 26,
  },
  {
    id: 'african-american',
    feminine: ['Imani', 'Jasmine', 'Aaliyah', 'Destiny', 'Kiara', 'Nia', 'Brianna', 'Ebony', 'Tiana', 'Simone', 'Jada', 'Layla', 'Zora', 'Alicia'],
    masculine: ['Malik', 'Jamal', 'Darius', 'Marcus', 'Terrence', 'Andre', 'Jalen', 'Isaiah', 'Xavier', 'Cedric', 'Desmond', 'Kendrick', 'Jerome', 'Elijah'],
    family: ['Washington', 'Jefferson', 'Jackson', 'Robinson', 'Harris', 'Coleman', 'Brooks', 'Banks', 'Freeman', 'Bryant', 'Simmons', 'Dawson', 'Holmes', 'Gaines', 'Mayfield', 'Whitfield', 'Pryor', 'Tolliver'],
    languages: [],
    weight: 12,
  },
  {
    id: 'latino',
    feminine: ['Sofía', 'Valeria', 'Camila', 'Daniela', 'Gabriela', 'Lucía', 'Mariana', 'Isabela', 'Ximena', 'Paola', 'Ana Lucía', 'Adriana', 'Carolina', 'Yesenia', 'Marisol', 'Alejandra'],
    masculine: ['Diego', 'Alejandro', 'Mateo', 'Javier', 'Carlos', 'Andrés', 'Luis', 'Miguel', 'Santiago', 'Rafael', 'Eduardo', 'Héctor', 'Julián', 'Ricardo', 'Emilio', 'Joaquín'],
    family: ['García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Rivera', 'Gómez', 'Díaz', 'Morales', 'Reyes', 'Cruz', 'Ortiz', 'Gutiérrez', 'Castillo', 'Mendoza', 'Vargas', 'Aguilar', 'Salazar', 'Delgado', 'Fuentes', 'Ochoa', 'Villanueva'],
    languages: ['Spanish', 'Spanish', 'Spanish', 'Portuguese'],
    weight: 16,
  },
  {
    id: 'chinese',
    feminine: ['Mei', 'Xinyi', 'Yuting', 'Jiayi', 'Lingling', 'Wenjing', 'Huiying', 'Qian', 'Xiaoyu', 'Yan', 'Shuang', 'Jing'],
    masculine: ['Wei', 'Jun', 'Hao', 'Zhiwei', 'Yifan', 'Jian', 'Bo', 'Chen', 'Lei', 'Tao', 'Minghao', 'Kai'],
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Lin', 'Guo', 'He', 'Gao', 'Luo', 'Zheng', 'Tang', 'Feng', 'Chan', 'Wong', 'Leung', 'Cheung'],
    languages: ['Mandarin', 'Mandarin', 'Cantonese'],
    weight: 9,
  },
  {
    id: 'south-asian',
    feminine: ['Priya', 'Ananya', 'Aishwarya', 'Divya', 'Kavya', 'Meera', 'Nisha', 'Pooja', 'Shreya', 'Riya', 'Lakshmi', 'Anjali', 'Simran', 'Harpreet', 'Sana', 'Ayesha'],
    masculine: ['Arjun', 'Rohan', 'Vikram', 'Rahul', 'Aditya', 'Sanjay', 'Nikhil', 'Karthik', 'Siddharth', 'Amit', 'Rajesh', 'Varun', 'Gurpreet', 'Imran', 'Faisal', 'Tanvir'],
    family: ['Patel', 'Shah', 'Sharma', 'Gupta', 'Reddy', 'Rao', 'Iyer', 'Nair', 'Menon', 'Kumar', 'Singh', 'Desai', 'Mehta', 'Joshi', 'Krishnan', 'Chatterjee', 'Banerjee', 'Bhatt', 'Chaudhry', 'Malik', 'Qureshi', 'Rahman', 'Hossain', 'Sandhu', 'Gill', 'Venkataraman'],
    languages: ['Hindi', 'Hindi', 'Gujarati', 'Tamil', 'Telugu', 'Punjabi', 'Bengali', 'Urdu', 'Malayalam'],
    weight: 11,
  },
  {
    id: 'vietnamese',
    feminine: ['Linh', 'Thao', 'Trang', 'Ngoc', 'Huong', 'Anh', 'Mai', 'Vy', 'Quynh', 'Thu'],
    masculine: ['Minh', 'Duc', 'Huy', 'Khoa', 'Tuan', 'Long', 'Phong', 'Bao', 'Quang', 'Thanh'],
    family: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Dang', 'Bui', 'Do', 'Ngo', 'Truong', 'Vo', 'Duong', 'Ly'],
    languages: ['Vietnamese'],
    weight: 4,
  },
  {
    id: 'korean',
    feminine: ['Ji-woo', 'Min-ji', 'Seo-yeon', 'Hye-jin', 'Soo-ah', 'Eun-ji', 'Yuna', 'Da-eun'],
    masculine: ['Min-jun', 'Ji-ho', 'Seung-hoon', 'Dong-hyun', 'Joon', 'Hyun-woo', 'Tae-yang', 'Sung-min'],
    family: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Shin', 'Oh', 'Seo'],
    languages: ['Korean'],
    weight: 4,
  },
  {
    id: 'filipino',
    feminine: ['Maricel', 'Angelica', 'Kristine', 'Rowena', 'Jasmine', 'Bea', 'Czarina', 'Rhea'],
    masculine: ['Paolo', 'Rommel', 'Jericho', 'Marvin', 'Raymond', 'Carlo', 'Jomar', 'Noel'],
    family: ['Santos', 'Reyes', 'Bautista', 'Villanueva', 'Dela Cruz', 'Mercado', 'Aquino', 'Mendoza', 'Manalo', 'Pascual', 'Tolentino', 'Soriano', 'Macaraeg', 'Ocampo'],
    languages: ['Tagalog'],
    weight: 3,
  },
  {
    id: 'west-african',
    feminine: ['Adaeze', 'Chiamaka', 'Ngozi', 'Folake', 'Temitope', 'Abena', 'Akosua', 'Efua', 'Yetunde', 'Ifeoma', 'Oluwaseun', 'Amara'],
    masculine: ['Chukwuemeka', 'Oluwadamilare', 'Kwame', 'Kofi', 'Tunde', 'Obinna', 'Emeka', 'Babajide', 'Yaw', 'Chinedu', 'Kayode', 'Ikenna'],
    family: ['Okafor', 'Adeyemi', 'Okonkwo', 'Eze', 'Nwosu', 'Adebayo', 'Olawale', 'Mensah', 'Asante', 'Boateng', 'Owusu', 'Oyelaran', 'Ogunleye', 'Achebe', 'Obi', 'Nkemelu', 'Danquah', 'Agyeman'],
    languages: ['Yoruba', 'Igbo', 'Twi', 'French'],
    weight: 5,
  },
  {
    id: 'east-african',
    feminine: ['Selam', 'Hiwot', 'Meron', 'Tigist', 'Hodan', 'Ayan', 'Ikram', 'Saba', 'Liya'],
    masculine: ['Abebe', 'Dawit', 'Yonas', 'Tesfaye', 'Mohamed', 'Abdirahman', 'Bereket', 'Samuel', 'Henok'],
    family: ['Tesfaye', 'Gebremedhin', 'Haile', 'Bekele', 'Alemu', 'Tadesse', 'Mekonnen', 'Abdi', 'Hassan', 'Warsame', 'Farah', 'Yusuf', 'Kidane'],
    languages: ['Amharic', 'Tigrinya', 'Somali', 'Somali'],
    weight: 3,
  },
  {
    id: 'arab',
    feminine: ['Layla', 'Nour', 'Yasmin', 'Mariam', 'Rania', 'Lina', 'Dalia', 'Hala', 'Reem', 'Salma'],
    masculine: ['Omar', 'Karim', 'Yousef', 'Ahmad', 'Khaled', 'Tariq', 'Sami', 'Hassan', 'Ziad', 'Rami'],
    family: ['Haddad', 'Khalil', 'Nasser', 'Mansour', 'Saleh', 'Aziz', 'Hamdan', 'Darwish', 'Haddadin', 'Khoury', 'Abboud', 'Jaber', 'Sabbagh', 'Al-Amin'],
    languages: ['Arabic', 'Arabic', 'French'],
    weight: 4,
  },
  {
    id: 'persian',
    feminine: ['Shirin', 'Leila', 'Parisa', 'Nasrin', 'Roya', 'Sahar', 'Ava', 'Neda'],
    masculine: ['Dariush', 'Kian', 'Arash', 'Babak', 'Reza', 'Cyrus', 'Navid', 'Farhad'],
    family: ['Farahani', 'Tehrani', 'Rostami', 'Moradi', 'Karimi', 'Hosseini', 'Sadeghi', 'Jafari', 'Ahmadi', 'Rahimi'],
    languages: ['Farsi'],
    weight: 2,
  },
  {
    id: 'eastern-european',
    feminine: ['Anastasia', 'Katarzyna', 'Olena', 'Irina', 'Natalia', 'Agnieszka', 'Yulia', 'Milena', 'Daria', 'Zofia'],
    masculine: ['Dmitri', 'Mikhail', 'Pavel', 'Tomasz', 'Andriy', 'Marek', 'Nikolai', 'Piotr', 'Aleksandr', 'Bogdan'],
    family: ['Kowalski', 'Nowak', 'Wiśniewski', 'Ivanov', 'Petrov', 'Kuznetsov', 'Shevchenko', 'Kovalenko', 'Novak', 'Horvat', 'Popescu', 'Lewandowski', 'Sokolov', 'Bondarenko'],
    languages: ['Russian', 'Polish', 'Ukrainian', 'Romanian'],
    weight: 4,
  },
  {
    id: 'jewish-american',
    feminine: ['Rachel', 'Talia', 'Miriam', 'Leah', 'Naomi', 'Shira', 'Eliana', 'Ruth'],
    masculine: ['Noah', 'Eli', 'Ari', 'Jonah', 'Aaron', 'Micah', 'Reuben', 'Asher'],
    family: ['Goldberg', 'Cohen', 'Levy', 'Katz', 'Friedman', 'Rosen', 'Shapiro', 'Weiss', 'Kaplan', 'Adler', 'Stein', 'Feldman', 'Bernstein', 'Horowitz'],
    languages: ['Hebrew', 'Yiddish'],
    weight: 5,
  },
  {
    id: 'japanese',
    feminine: ['Yuki', 'Haruka', 'Aiko', 'Emi', 'Sakura', 'Naomi', 'Keiko'],
    masculine: ['Kenji', 'Hiroshi', 'Takeshi', 'Daisuke', 'Ryo', 'Kaito', 'Shun'],
    family: ['Tanaka', 'Suzuki', 'Watanabe', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Sato', 'Takahashi', 'Ito', 'Matsumoto', 'Inoue', 'Hayashi'],
    languages: ['Japanese'],
    weight: 2,
  },
  {
    id: 'haitian',
    feminine: ['Widline', 'Nadège', 'Fabienne', 'Mirlande', 'Guerda', 'Stéphanie'],
    masculine: ['Jean-Pierre', 'Wesley', 'Ricardo', 'Frantz', 'Emmanuel', 'Jean-Baptiste'],
    family: ['Pierre', 'Jean-Louis', 'Joseph', 'Baptiste', 'Toussaint', 'Desir', 'Charles', 'Celestin', 'Dorvil', 'Lafleur'],
    languages: ['Haitian Creole', 'French'],
    weight: 2,
  },
  {
    id: 'mediterranean',
    feminine: ['Giulia', 'Francesca', 'Alessandra', 'Eleni', 'Sofia', 'Marta', 'Beatriz', 'Inês', 'Chiara', 'Dimitra'],
    masculine: ['Marco', 'Luca', 'Giovanni', 'Nikos', 'Dimitrios', 'João', 'Tiago', 'Stefano', 'Konstantinos', 'Paulo'],
    family: ['Rossi', 'Russo', 'Esposito', 'Romano', 'Colombo', 'Ricci', 'Papadopoulos', 'Georgiou', 'Alexandrou', 'Silva', 'Oliveira', 'Costa', 'Ferreira', 'Marino', 'DeLuca', 'Caruso'],
    languages: ['Italian', 'Greek', 'Portuguese'],
    weight: 4,
  },
  {
    id: 'turkish-armenian',
    feminine: ['Elif', 'Zeynep', 'Ani', 'Nare', 'Defne', 'Lusine'],
    masculine: ['Emre', 'Mehmet', 'Aram', 'Armen', 'Can', 'Tigran'],
    family: ['Yilmaz', 'Demir', 'Kaya', 'Şahin', 'Öztürk', 'Petrosyan', 'Hovhannisyan', 'Sarkisian', 'Avakian', 'Arslan'],
    languages: ['Turkish', 'Armenian'],
    weight: 2,
  },
  {
    id: 'native-american',
    feminine: ['Winona', 'Tallulah', 'Aiyana', 'Kimi'],
    masculine: ['Dakota', 'Koda', 'Takoda', 'Hok-ee'],
    family: ['Begay', 'Yazzie', 'Tsosie', 'Benally', 'Nez', 'Redcloud', 'Harjo', 'Manygoats', 'Deschenie', 'Lente'],
    languages: ['Navajo'],
    weight: 1,
  },
]

/** Given names that are not tied to one tradition, for people who go by them. */
export const NEUTRAL_GIVEN_NAMES: readonly string[] = ['Jordan', 'Taylor', 'Alex', 'Morgan', 'Casey', 'Riley', 'Avery', 'Quinn', 'Jamie', 'Rowan', 'Cameron', 'Sam', 'Skyler', 'Reese', 'Emerson', 'Sasha', 'Kai', 'Robin']
